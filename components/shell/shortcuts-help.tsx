"use client";

import { Modal } from "@/components/ui/modal";
import { goKeys, otherKeys } from "./shortcuts";

const Key = ({ children }: { children: string }) => (
  <kbd className="rounded border border-zinc-300 bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800">{children}</kbd>
);

/** Every key the console answers to, from `?`. */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} onClose={onClose} title="Keyboard shortcuts">
      <table className="w-full text-sm">
        <tbody>
          {goKeys.map((k) => (
            <tr key={k.key}>
              <td className="py-0.5 pr-4">
                <Key>g</Key> then <Key>{k.key}</Key>
              </td>
              <td>Go to {k.label}</td>
            </tr>
          ))}
          {otherKeys.map((k) => (
            <tr key={k.keys}>
              <td className="py-0.5 pr-4">
                <Key>{k.keys}</Key>
              </td>
              <td>{k.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">The Alerts page adds its own: j/k move, x select, a acknowledge, s silence, Enter details.</p>
    </Modal>
  );
}
