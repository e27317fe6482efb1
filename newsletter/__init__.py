"""The newsletter digest: built from the public GraphQL API over HTTP, as any newsletter tool would."""
