"use client";

import { useId, type TextareaHTMLAttributes } from "react";
import { controlClass, Field, type FieldProps } from "./field";

export type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps;

export function Textarea({ label, hint, className, id, rows = 3, ...props }: TextareaProps) {
  const generated = useId();
  const textareaId = id ?? generated;
  return (
    <Field id={textareaId} label={label} hint={hint} className={className}>
      <textarea
        id={textareaId}
        rows={rows}
        aria-describedby={hint ? `${textareaId}-hint` : undefined}
        className={`${controlClass} h-auto w-full resize-y py-1.5`}
        {...props}
      />
    </Field>
  );
}
