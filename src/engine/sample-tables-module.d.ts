/** Written by scripts/vite/sample-tables.ts: each sample CSV's prebuilt Arrow IPC stream, paths relative to the page. */
declare module 'virtual:segbook/sample-tables' {
  const samples: { csv: string; ipc: string; columns: { name: string; type: string }[]; rowCount: number; nullFree: string[]; unique: string[] }[];
  export default samples;
}
