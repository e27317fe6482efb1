// Starts GraphiQL on /graphql/ (no inline script, so a strict Content-Security-Policy can allow it).
(function () {
  "use strict";
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: window.location.pathname }),
      defaultQuery: "{\n  newsItems(first: 5) {\n    totalCount\n    edges { node { title date url } }\n  }\n}\n",
    }),
  );
})();
