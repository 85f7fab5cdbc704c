"""Sources a question names, in one place: the law and treaty names and aliases
(`aliases`, from retrieval/data/aliases.json), parsing references out of a question
(`citation_parse`: articles, paragraphs, decision numbers), finding them in the index
(`citations.CitationIndex`), and telling which named sources the corpus lacks
(`absent`, with `absent_text`, `absent_laws`, `absent_cases` and
retrieval/data/jurisdictions.json)."""
