import type { ReactNode } from "react";
import { Button } from "./button";

/** A form's last row: its submit button, then Cancel; both wait while the change is sent. */
export function FormButtons({ submit, onSubmit, onCancel, pending, blocked = false }: { submit: ReactNode; onSubmit: () => void; onCancel: () => void; pending: boolean; blocked?: boolean }) {
  return (
    <div className="flex gap-2">
      <Button variant="primary" onClick={onSubmit} disabled={pending || blocked}>
        {submit}
      </Button>
      <Button onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
    </div>
  );
}
