"use client";

import { useId, type InputHTMLAttributes } from "react";
import { controlClass, Field, type FieldProps } from "./field";

export type InputProps = InputHTMLAttributes<HTMLInputElement> & FieldProps;

export function Input({ label, hint, className, id, ...props }: InputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <Field id={inputId} label={label} hint={hint} className={className}>
      <input id={inputId} aria-describedby={hint ? `${inputId}-hint` : undefined} className={`${controlClass} w-full`} {...props} />
    </Field>
  );
}
