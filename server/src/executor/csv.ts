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

/**
 * The rows of a CSV text given line by line (split at '\n', as a large table file is read), the
 * same rows parseCsv gives for the whole text: a record whose quoted field holds a line break is
 * put back together first, and a line without quotes is split at its commas directly.
 */
export function* csvRowsOfLines(lines: Iterable<string>): Generator<Record<string, string>> {
  let header: string[] | undefined;
  let recordNumber = 0;
  let pending: string | undefined;
  let first = true;
  for (const line of lines) {
    let text = pending === undefined ? line : `${pending}\n${line}`;
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    if (endsInsideQuotes(text)) {
      pending = text;
      continue;
    }
    pending = undefined;
    const body = text.endsWith('\r') ? text.slice(0, -1) : text;
    const records = body.includes('"') || body.includes('\r') ? csvRecords(text) : [body.split(',')];
    // A line break outside quotes ends a record even when nothing precedes it on its line.
    if (records.length === 0) records.push(['']);
    for (const rec of records) {
      recordNumber++;
      if (header === undefined) {
        header = rec.map((h) => h.trim());
        continue;
      }
      if (rec.length === 1 && rec[0] === '') continue;
      if (rec.length !== header.length)
        throw new Error(
          `CSV record ${recordNumber} has ${rec.length} fields; the header has ${header.length}`,
        );
      const row: Record<string, string> = {};
      for (let j = 0; j < header.length; j++) row[header[j]] = rec[j];
      yield row;
    }
  }
  if (pending !== undefined) throw new Error('CSV ends inside a quoted field');
}

/** Whether csvRecords, reading `text`, would end inside a quoted field. */
function endsInsideQuotes(text: string): boolean {
  if (!text.includes('"')) return false;
  let quoted = false;
  // Whether the field read so far is empty: only then does a quote open a quoted field.
  let empty = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== 34) empty = false;
      else if (text.charCodeAt(i + 1) === 34) {
        empty = false;
        i++;
      } else quoted = false;
    } else if (c === 34 && empty) quoted = true;
    else empty = c === 44 || c === 10 || c === 13;
  }
  return quoted;
}
