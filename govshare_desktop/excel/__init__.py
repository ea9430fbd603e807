"""Excel templates: calamine reader, openpyxl writer, header mapping. Filed as its own issue."""
