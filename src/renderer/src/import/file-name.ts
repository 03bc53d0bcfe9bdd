/** "math500_test.jsonl" → "math500_test": the dataset name suggested for an uploaded file. */
export function nameFromFile(fileName: string): string {
  return fileName.replace(/\.(jsonl|ndjson|json|csv|tsv|parquet)$/i, '') || fileName;
}
