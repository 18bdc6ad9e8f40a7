-- What a person shared with an answer, by name only (no address, no content): one file a line, "I:" for an image,
-- "F:" for any other file, then the name. NULL: nothing shared.
ALTER TABLE answer ADD COLUMN files VARCHAR(8000);
