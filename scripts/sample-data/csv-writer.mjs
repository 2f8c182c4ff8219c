// Streams CSV rows to a file in ~1 MB writes, so ten million rows never sit in memory.
import fs from 'node:fs';

const FLUSH_AT = 1 << 20;

export class CsvWriter {
  constructor(path, columns) {
    this.path = path;
    this.fd = fs.openSync(path, 'w');
    this.buffer = '';
    this.rows = 0;
    this.write(columns);
    this.rows = 0;
  }

  /** `values`: strings, numbers, booleans, or null/undefined for an empty field. */
  write(values) {
    this.buffer += values.map(field).join(',') + '\n';
    this.rows++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  flush() {
    fs.writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close() {
    this.flush();
    fs.closeSync(this.fd);
    return { path: this.path, rows: this.rows, bytes: fs.statSync(this.path).size };
  }
}

function field(value) {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
