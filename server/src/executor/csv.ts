/**
 * A small RFC 4180 CSV reader: a header row, quoted fields with doubled quotes, and CR/LF or LF
 * line ends. Values stay strings; the workspace converts them to their column types.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const records = csvRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (records.length === 0) return [];
  const header = records[0].map((h) => h.trim());
  const out: Record<string, string>[] = [];
  for (let i = 1; i < records.length; i++) {
    const rec = records[i];
    if (rec.length === 1 && rec[0] === '') continue;
    if (rec.length !== header.length)
      throw new Error(`CSV record ${i + 1} has ${rec.length} fields; the header has ${header.length}`);
    const row: Record<string, string> = {};
    header.forEach((h, j) => {
      row[h] = rec[j];
    });
    out.push(row);
  }
  return out;
}

export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}
