"""What is written from records: JSON and CSV files, ICS calendars, XLSX workbooks; all atomically."""
