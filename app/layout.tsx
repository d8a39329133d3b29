import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "Breakwater", description: "Circuit breakers, degradation modes, alerts and config, live." };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className="h-full">
      <body className="h-full bg-zinc-50 text-sm text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">{children}</body>
    </html>
  );
}
