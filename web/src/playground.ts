// The GraphQL playground at /playground: GraphiQL, served by buurtnet
// itself (no CDN), talking to /query. Headers typed in its editor (such as
// Authorization: Bearer …) go with every request.
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { GraphiQL } from 'graphiql'
import 'graphiql/style.css'

type Fetcher = (params: unknown, opts?: { headers?: Record<string, string> }) => Promise<unknown>

const fetcher: Fetcher = async (params, opts) => {
  const res = await fetch('/query', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(opts?.headers ?? {}) },
    body: JSON.stringify(params),
  })
  return res.json()
}

const root = document.getElementById('graphiql')
if (root) {
  createRoot(root).render(createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: 'headers' }))
}
