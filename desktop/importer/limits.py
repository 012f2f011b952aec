"""Resource limits for reading documents: generous for real plans (a hualien-sized
plan is ~200 KB of XML and ~150 rows), small enough to refuse hostile files fast."""

MAX_FILE_BYTES = 50 * 1024 * 1024        # the .docx/.odt file itself
MAX_PART_BYTES = 40 * 1024 * 1024        # one uncompressed XML part (document.xml, content.xml)
MAX_TOTAL_BYTES = 200 * 1024 * 1024      # all declared uncompressed sizes together
MAX_RATIO = 200                          # uncompressed / compressed for a part over 1 MB
MAX_MEMBERS = 5000                       # entries in the zip
MAX_ROWS = 20000                         # table rows (after ODT row repetition)
MAX_COLUMNS = 64                         # table grid columns
MAX_PARAGRAPHS = 200000                  # paragraphs in the whole document
