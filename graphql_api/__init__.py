"""The public GraphQL API (strawberry): one package per content area plus what they all share."""
