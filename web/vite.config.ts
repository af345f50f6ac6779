// Builds the explorer (index.html) and the self-hosted GraphiQL
// (playground.html) into dist/, which the Go binary embeds. The build must
// be reproducible: scripts/test rebuilds and compares.
import { defineConfig, type Plugin } from 'vite'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql'

const here = import.meta.dirname

interface Operation { text: string; hash: string }

// operations reads the explorer's GraphQL operations (src/operations/*.graphql,
// one named operation per file, named like the file), checks each against
// the service's schema, and offers them to the code as `virtual:operations`
// with their SHA-256. The build writes dist/operations.json, hash → text:
// the manifest an allow-list of trusted documents is made from.
function operations(): Plugin {
  const dir = resolve(here, 'src/operations')
  const schemaFile = resolve(here, '../schema.graphqls')
  const read = (): Record<string, Operation> => {
    const schema = buildSchema(readFileSync(schemaFile, 'utf8'))
    const ops: Record<string, Operation> = {}
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort()) {
      const name = file.slice(0, -'.graphql'.length)
      const text = readFileSync(resolve(dir, file), 'utf8').trim()
      const doc = parse(text)
      const defs = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
      if (doc.definitions.length !== 1 || defs.length !== 1 || defs[0].name?.value !== name) {
        throw new Error(`${file}: one operation, named ${name}, and nothing else`)
      }
      const errors = validate(schema, doc)
      if (errors.length > 0) {
        throw new Error(`${file} does not fit schema.graphqls:\n${errors.map((e) => e.message).join('\n')}`)
      }
      ops[name] = { text, hash: createHash('sha256').update(text, 'utf8').digest('hex') }
    }
    return ops
  }
  const id = 'virtual:operations'
  return {
    name: 'buurtnet-operations',
    resolveId: (source) => (source === id ? '\0' + id : undefined),
    load(source) {
      if (source !== '\0' + id) return undefined
      this.addWatchFile(dir)
      return `export default ${JSON.stringify(read())}`
    },
    generateBundle() {
      const manifest: Record<string, string> = {}
      for (const op of Object.values(read()).sort((a, b) => a.hash.localeCompare(b.hash))) {
        manifest[op.hash] = op.text
      }
      this.emitFile({ type: 'asset', fileName: 'operations.json', source: JSON.stringify(manifest, null, 2) + '\n' })
    },
  }
}

export default defineConfig({
  base: '/',
  plugins: [operations()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
    rollupOptions: {
      input: { index: resolve(here, 'index.html'), playground: resolve(here, 'playground.html') },
    },
  },
  server: { proxy: { '/query': 'http://127.0.0.1:8080', '/export': 'http://127.0.0.1:8080' } },
})
