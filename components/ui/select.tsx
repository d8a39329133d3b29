"use client";

import { useId, type SelectHTMLAttributes } from "react";
import { controlClass, Field, type FieldProps } from "./field";

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & FieldProps & { options: readonly string[] };

export function Select({ label, hint, className, id, options, ...props }: SelectProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <Field id={selectId} label={label} hint={hint} className={className}>
      <select id={selectId} aria-describedby={hint ? `${selectId}-hint` : undefined} className={`${controlClass} pr-7`} {...props}>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </Field>
  );
}
