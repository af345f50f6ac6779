// typeDefs of the peer: @neo4j/graphql 7 over buurtnet's Neo4j data model
// from schema version 4 on (see server.mjs), where every field of an entity
// and of a link is a property: the peer reads them directly.

// name: the node's display name, which buurtnet keeps in the name property
// (nl, else fr, else en: its fallback for a Dutch reader). check.mjs
// compares it with the entity's JSON copy in data.
export const nameExpr = `RETURN this.name AS name`;

// A property of a link (check.mjs imports it; the typeDefs read the
// properties as plain fields).
export const linkField = (key) => `RETURN this.${key} AS ${key}`;

const named = `name: String!
  "Folded Dutch name, as buurtnet sorts on."
  sort_nl: String`;

export const typeDefs = /* GraphQL */ `
type Project @node(labels: ["Project", "Node"]) {
  id: ID!
  ${named}
  status: String
  period_start: String
  period_end: String
  partners: [Organisation!]! @relationship(type: "PARTICIPATES_IN", direction: IN, properties: "Participation")
  territories: [Territory!]! @relationship(type: "ACTIVE_IN", direction: OUT, properties: "ProjectTerritory")
  funders: [Funder!]! @relationship(type: "FUNDS", direction: IN, properties: "Funding")
  themes: [Theme!]! @relationship(type: "ADDRESSES", direction: OUT)
  targetGroups: [TargetGroup!]! @relationship(type: "TARGETS", direction: OUT)
  functions: [Function!]! @relationship(type: "WORKS_ON", direction: OUT)
  collaboratesWith: [Project!]! @relationship(type: "COLLABORATES_WITH", direction: OUT, queryDirection: UNDIRECTED)
}

type Organisation @node(labels: ["Organisation", "Node"]) {
  id: ID!
  ${named}
  participations: [Project!]! @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "Participation")
  locatedIn: [Territory!]! @relationship(type: "LOCATED_IN", direction: OUT)
  serves: [Territory!]! @relationship(type: "SERVES", direction: OUT)
}

type Territory @node(labels: ["Territory", "Node"]) {
  id: ID!
  ${named}
  territory_kind: String
  partOf: [Territory!]! @relationship(type: "PART_OF", direction: OUT)
  parts: [Territory!]! @relationship(type: "PART_OF", direction: IN)
  overlaps: [Territory!]! @relationship(type: "OVERLAPS", direction: OUT, queryDirection: UNDIRECTED)
  projects: [Project!]! @relationship(type: "ACTIVE_IN", direction: IN, properties: "ProjectTerritory")
}

type Funder @node(labels: ["Funder", "Node"]) {
  id: ID!
  ${named}
  fundings: [Project!]! @relationship(type: "FUNDS", direction: OUT, properties: "Funding")
}

type Theme @node(labels: ["Theme", "Node"]) {
  id: ID!
  ${named}
  projects: [Project!]! @relationship(type: "ADDRESSES", direction: IN)
}

type TargetGroup @node(labels: ["TargetGroup", "Node"]) {
  id: ID!
  ${named}
  projects: [Project!]! @relationship(type: "TARGETS", direction: IN)
}

type Function @node(labels: ["Function", "Node"]) {
  id: ID!
  ${named}
  projects: [Project!]! @relationship(type: "WORKS_ON", direction: IN)
}

type Participation @relationshipProperties {
  key: String
  role: String
  level: String
  period_start: String
  period_end: String
}

type ProjectTerritory @relationshipProperties {
  key: String
  coverage: String
  period_start: String
  period_end: String
}

type Funding @relationshipProperties {
  key: String
  "In euro."
  amount: Float
  period_start: String
  period_end: String
}

type Query {
  """
  Other projects active, in an intersecting period, on a territory that shares
  ground with one of the project's: the same, an ancestor or a descendant
  (PART_OF*), one sharing a descendant, or one containing a territory that
  OVERLAPS a territory within one of the project's. Periods are the
  projects' period_start/period_end ('' = open, both ends inclusive).
  """
  overlaps(project: ID!): [Project!]!
    @cypher(
      statement: """
      MATCH (p:Project:Node {id: $project})-[:ACTIVE_IN]->(a:Territory)
      MATCH (x:Territory)-[:PART_OF*0..]->(a)
      OPTIONAL MATCH (x)-[:OVERLAPS]-(y:Territory)
      WITH p, collect(DISTINCT x) + collect(DISTINCT y) AS touching
      UNWIND touching AS t
      MATCH (t)-[:PART_OF*0..]->(b:Territory)
      WITH DISTINCT p, b
      MATCH (o:Project)-[:ACTIVE_IN]->(b)
      WHERE o <> p
        AND (p.period_start = '' OR o.period_end = '' OR p.period_start <= o.period_end)
        AND (o.period_start = '' OR p.period_end = '' OR o.period_start <= p.period_end)
      WITH DISTINCT o
      RETURN o ORDER BY o.id
      """
      columnName: "o"
    )
}
`;

