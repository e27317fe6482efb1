"""Turning a programme document (.docx, .md, .txt, .html or pasted text) into a draft page.

``structure`` reads a document into paragraphs; ``dates``, ``quotes``, ``figures`` and ``lists``
recognise what one paragraph holds; ``recognise`` puts them together into an ``ImportedDocument``
(all pure functions, no database); ``drafts`` saves that as a draft news item or conference.
"""
