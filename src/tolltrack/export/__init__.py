"""Export: write extraction results in the shared claims format and other formats."""
