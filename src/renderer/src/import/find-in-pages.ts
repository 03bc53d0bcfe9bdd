// The first row of a paged list that yields a value (e.g. the first rollout of a run that joins a prompt),
// read page by page and given up after a few pages so a huge run never stalls the dialog.
export interface Page<Row> {
  rows: Row[];
  total: number;
}

export async function findInPages<Row, T>(
  fetchPage: (offset: number) => Promise<Page<Row> | null>,
  pick: (row: Row) => T | null,
  maxPages: number,
): Promise<T | null> {
  let offset = 0;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(offset);
    if (!result) return null;
    for (const row of result.rows) {
      const value = pick(row);
      if (value !== null) return value;
    }
    offset += result.rows.length;
    if (result.rows.length === 0 || offset >= result.total) return null;
  }
  return null;
}
