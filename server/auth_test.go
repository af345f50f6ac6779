package server_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/buurtnet/buurtnet"
	"github.com/buurtnet/buurtnet/graph"
	"github.com/buurtnet/buurtnet/server"
)

// everyMutation calls each mutation of the schema once, with arguments good
// enough to reach the access check. TestEveryMutationIsCovered keeps it
// complete.
var everyMutation = map[string]string{
	"createOrganisation": `mutation { createOrganisation(input: {name: {nl: "A"}}) { id } }`,
	"updateOrganisation": `mutation { updateOrganisation(id: "org:brusano", patch: {acronym: "B"}) { id } }`,
	"deleteOrganisation": `mutation { deleteOrganisation(id: "org:nope") }`,
	"createProject":      `mutation { createProject(input: {name: {nl: "A"}}) { id } }`,
	"updateProject":      `mutation { updateProject(id: "project:boost", patch: {website: "https://x.example"}) { id } }`,
	"deleteProject":      `mutation { deleteProject(id: "project:nope") }`,
	"createTerritory":    `mutation { createTerritory(input: {name: {nl: "A"}, kind: SITE}) { id } }`,
	"updateTerritory":    `mutation { updateTerritory(id: "territory:brabantwijk", patch: {note: "n"}) { id } }`,
	"deleteTerritory":    `mutation { deleteTerritory(id: "territory:nope") }`,
	"createFunder":       `mutation { createFunder(input: {name: {nl: "A"}}) { id } }`,
	"updateFunder":       `mutation { updateFunder(id: "funder:ggc", patch: {acronym: "GGC"}) { id } }`,
	"deleteFunder":       `mutation { deleteFunder(id: "funder:nope") }`,
	"createTheme":        `mutation { createTheme(input: {name: {nl: "A"}}) { id } }`,
	"updateTheme":        `mutation { updateTheme(id: "theme:preventie", patch: {source: "s"}) { id } }`,
	"deleteTheme":        `mutation { deleteTheme(id: "theme:nope") }`,
	"createTargetGroup":  `mutation { createTargetGroup(input: {name: {nl: "A"}}) { id } }`,
	"updateTargetGroup":  `mutation { updateTargetGroup(id: "targetgroup:ouderen", patch: {source: "s"}) { id } }`,
	"deleteTargetGroup":  `mutation { deleteTargetGroup(id: "targetgroup:nope") }`,
	"createFunction":     `mutation { createFunction(input: {name: {nl: "A"}, framework: VVSG_FUNCTIONS, number: 1}) { id } }`,
	"updateFunction":     `mutation { updateFunction(id: "function:vvsg-detectie", patch: {source: "s"}) { id } }`,
	"deleteFunction":     `mutation { deleteFunction(id: "function:nope") }`,
	"createPerson":       `mutation { createPerson(input: {name: "Fictieve Persoon"}) { id } }`,
	"updatePerson":       `mutation { updatePerson(id: "person:nope", patch: {phone: "02 000 00 00"}) { id } }`,
	"deletePerson":       `mutation { deletePerson(id: "person:nope") }`,
	"link":               `mutation { link(input: {kind: ADDRESSES, from: "project:manaige", to: "theme:preventie"}) { kind } }`,
	"updateLink":         `mutation { updateLink(kind: FUNDS, from: "funder:ggc", to: "project:citisen", patch: {note: "n"}) { kind } }`,
	"unlink":             `mutation { unlink(kind: SERVES, from: "org:nope", to: "territory:nope") }`,
	"importNetwork":      `mutation($f: Upload!) { importNetwork(file: $f) { created } }`,
	"createToken":        `mutation { createToken(name: "t", role: VIEWER) { secret } }`,
	"createConsultation": `mutation { createConsultation(input: {name: {nl: "A"}}) { id } }`,
	"updateConsultation": `mutation { updateConsultation(id: "consultation:overleg-buurtprojecten", patch: {source: "s"}) { id } }`,
	"deleteConsultation": `mutation { deleteConsultation(id: "consultation:nope") }`,
	"createCycle":        `mutation { createCycle(input: {name: {nl: "A"}}) { id } }`,
	"updateCycle":        `mutation { updateCycle(id: "cycle:overleg-buurtprojecten", patch: {source: "s"}) { id } }`,
	"deleteCycle":        `mutation { deleteCycle(id: "cycle:nope") }`,
	"createMeeting":      `mutation { createMeeting(input: {name: {nl: "A"}, number: 5}) { id } }`,
	"updateMeeting":      `mutation { updateMeeting(id: "meeting:overleg-buurtprojecten-1", patch: {agenda: ["Kennismaking"]}) { id } }`,
	"deleteMeeting":      `mutation { deleteMeeting(id: "meeting:nope") }`,
	"revokeToken":        `mutation { revokeToken(id: "token:nope") }`,
}

var adminOnly = map[string]bool{"createToken": true, "revokeToken": true}

func TestEveryMutationIsCovered(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	for _, f := range schema.Mutation.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		assert.Contains(t, everyMutation, f.Name, "add %s to everyMutation", f.Name)
		auth := f.Directives.ForName("auth")
		if assert.NotNil(t, auth, "mutation %s has no @auth", f.Name) {
			assert.Contains(t, []string{"EDITOR", "ADMIN"}, auth.Arguments.ForName("requires").Value.Raw, f.Name)
		}
	}
	for _, f := range schema.Types["Person"].Fields {
		switch f.Name {
		case "id", "createdAt", "updatedAt", "version":
			continue // not personal: a random id and timestamps
		}
		assert.NotNil(t, f.Directives.ForName("auth"), "Person.%s is personal data and needs @auth", f.Name)
	}
}

func TestAuthorizationPerRole(t *testing.T) {
	s := newDemoServer(t)
	for name, q := range everyMutation {
		if name == "importNetwork" {
			continue // needs a multipart upload; covered in resolvers' import tests
		}
		t.Run(name, func(t *testing.T) {
			code := func(c *demoServer) string {
				errs := c.do(t, q, nil, nil)
				if len(errs) == 0 {
					return ""
				}
				return errs[0].Extensions["code"].(string)
			}
			assert.Equal(t, "UNAUTHORIZED", code(s.as(t, "")), "anonymous")
			assert.Equal(t, "FORBIDDEN", code(s.as(t, buurtnet.RoleViewer)), "viewer")
			if adminOnly[name] {
				assert.Equal(t, "FORBIDDEN", code(s.as(t, buurtnet.RoleEditor)), "editor")
				assert.NotContains(t, []string{"UNAUTHORIZED", "FORBIDDEN"}, code(s.as(t, buurtnet.RoleAdmin)), "admin")
			} else {
				assert.NotContains(t, []string{"UNAUTHORIZED", "FORBIDDEN"}, code(s.as(t, buurtnet.RoleEditor)), "editor")
			}
		})
	}
	t.Run("AdminQueries", func(t *testing.T) {
		for _, q := range []string{`{ auditLog { id } }`, `{ tokens { id } }`} {
			assert.Equal(t, "UNAUTHORIZED", s.as(t, "").do(t, q, nil, nil)[0].Extensions["code"])
			assert.Equal(t, "FORBIDDEN", s.as(t, buurtnet.RoleEditor).do(t, q, nil, nil)[0].Extensions["code"])
			s.as(t, buurtnet.RoleAdmin).mustDo(t, q, nil, nil)
		}
	})
}

func TestPersonalData(t *testing.T) {
	s := newDemoServer(t)
	const email, phone = "contact@wijkhuis.example", "+32 0 000 00 00"
	var p struct{ CreatePerson struct{ ID string } }
	s.mustDo(t, `mutation($e: String, $ph: String) { createPerson(input: {name: "Voorbeeld Contactpersoon", email: $e, phone: $ph, function: "coördinator"}) { id } }`,
		map[string]any{"e": email, "ph": phone}, &p)
	id := p.CreatePerson.ID
	s.mustDo(t, `mutation($p: ID!) { a: link(input: {kind: WORKS_AT, from: $p, to: "org:brusano"}) { kind } b: link(input: {kind: CONTACT_FOR, from: $p, to: "project:boost"}) { kind }
		c: link(input: {kind: PERSON_HOLDS_ROLE, from: $p, to: "territory:broekwijk", territoryRoles: [NEIGHBOURHOOD_COORDINATOR]}) { kind } }`, map[string]any{"p": id}, nil)

	viewer, anonymous := s.as(t, buurtnet.RoleViewer), s.as(t, "")
	t.Run("Viewer", func(t *testing.T) {
		var got struct {
			Node struct{ Email, Phone string }
			O    struct{ Contacts []struct{ Name string } } `json:"o"`
		}
		viewer.mustDo(t, `query($p: ID!) { node(id: $p) { ... on Person { email phone } } o: node(id: "org:brusano") { ... on Organisation { contacts { name } } } }`, map[string]any{"p": id}, &got)
		assert.Equal(t, email, got.Node.Email)
		assert.Equal(t, "Voorbeeld Contactpersoon", got.O.Contacts[0].Name)
	})
	t.Run("AnonymousQueries", func(t *testing.T) {
		for _, q := range []string{
			`query($p: ID!) { node(id: $p) { id ... on Person { name email phone } } }`,
			`query($p: ID!) { nodes(ids: [$p]) { id } }`,
			`{ node(id: "org:brusano") { ... on Organisation { name contacts { name email } } } }`,
			`{ node(id: "project:boost") { ... on Project { name contacts { name phone } } } }`,
			`{ organisations(first: 100) { nodes { id contacts { email } } } }`,
		} {
			body := anonymous.raw(t, q, map[string]any{"p": id})
			assert.Contains(t, body, `"code":"UNAUTHORIZED"`, q)
			for _, secret := range []string{email, phone, "Voorbeeld Contactpersoon"} {
				assert.NotContains(t, body, secret, q)
			}
		}
	})
	t.Run("AnonymousExports", func(t *testing.T) {
		for _, path := range []string{
			"/export/network?format=json", "/export/network?format=yaml", "/export/network?format=graphml", "/export/network?format=gexf",
			"/export/briefing?territory=territory:brussels-region&format=json", "/export/briefing?territory=territory:brussels-region&format=md",
			"/export/briefing?territory=territory:brussels-region&format=html", "/export/briefing?territory=territory:brussels-region&format=csv-rfc4180&part=participants",
		} {
			resp, err := http.Get(s.URL + path)
			require.NoError(t, err)
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			require.Equal(t, http.StatusOK, resp.StatusCode, path)
			for _, secret := range []string{email, phone, "Voorbeeld Contactpersoon", id} {
				assert.NotContains(t, string(b), secret, path)
			}
		}
		req, _ := http.NewRequest(http.MethodGet, s.URL+"/export/network?format=json", nil)
		req.Header.Set("Authorization", "Bearer "+viewer.token)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Contains(t, string(b), email, "a signed-in caller's export has the contacts")
	})
}

func TestVersionsAndAudit(t *testing.T) {
	s := newDemoServer(t)
	var v struct{ Node struct{ Version int } }
	s.mustDo(t, `{ node(id: "project:citisen") { ... on Project { version } } }`, nil, &v)
	require.Equal(t, 1, v.Node.Version)
	var u struct{ UpdateProject struct{ Version int } }
	s.mustDo(t, `mutation { updateProject(id: "project:citisen", patch: {version: 1, website: "https://a.example"}) { version } }`, nil, &u)
	assert.Equal(t, 2, u.UpdateProject.Version)
	// A second editor still holding version 1 is refused, not silently overwriting.
	s.expectError(t, `mutation { updateProject(id: "project:citisen", patch: {version: 1, website: "https://b.example"}) { version } }`, nil, "CONFLICT", "version")
	var w struct{ Node struct{ Website string } }
	s.mustDo(t, `{ node(id: "project:citisen") { ... on Project { website } } }`, nil, &w)
	assert.Equal(t, "https://a.example", w.Node.Website)

	var log struct {
		AuditLog []struct{ Actor, Action, Subject string }
	}
	s.as(t, buurtnet.RoleAdmin).mustDo(t, `{ auditLog(subject: "project:citisen") { actor action subject } }`, nil, &log)
	require.Len(t, log.AuditLog, 2, "the demo load and the one accepted update")
	assert.Equal(t, "test EDITOR", log.AuditLog[0].Actor)
	assert.Equal(t, "UPDATE", log.AuditLog[0].Action)
	assert.Equal(t, "IMPORT", log.AuditLog[1].Action)
}

func TestTokens(t *testing.T) {
	s := newDemoServer(t)
	admin := s.as(t, buurtnet.RoleAdmin)
	var created struct {
		CreateToken struct {
			Token  struct{ ID string }
			Secret string
		}
	}
	admin.mustDo(t, `mutation { createToken(name: "front-end", role: EDITOR) { token { id } secret } }`, nil, &created)
	fe := *s
	fe.token = created.CreateToken.Secret
	var me struct{ Me struct{ Name, Role string } }
	fe.mustDo(t, `{ me { name role } }`, nil, &me)
	assert.Equal(t, "front-end", me.Me.Name)
	assert.Equal(t, "EDITOR", me.Me.Role)

	admin.mustDo(t, `mutation($id: ID!) { revokeToken(id: $id) }`, map[string]any{"id": created.CreateToken.Token.ID}, nil)
	assert.Contains(t, fe.raw(t, `{ me { name } }`, nil), `"code":"UNAUTHORIZED"`, "a revoked token opens nothing")
	bad := *s
	bad.token = "bnt_not-a-token"
	assert.Contains(t, bad.raw(t, `{ me { name } }`, nil), `"code":"UNAUTHORIZED"`)
}

func TestAnonymousAccessCanBeSwitchedOff(t *testing.T) {
	s := newDemoServer(t)
	closed := s.withConfig(t, server.Config{Access: server.Access{DenyAnonymous: true}})
	assert.Contains(t, closed.as(t, "").raw(t, `{ projects { totalCount } }`, nil), `"code":"UNAUTHORIZED"`)
	closed.as(t, buurtnet.RoleViewer).mustDo(t, `{ projects { totalCount } }`, nil, nil)
	resp, err := http.Get(closed.URL + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestRateLimitPerToken(t *testing.T) {
	s := newDemoServer(t)
	limited := s.withConfig(t, server.Config{Access: server.Access{RatePerSecond: 0.01, Burst: 2}})
	a, b := limited.as(t, buurtnet.RoleViewer), limited.as(t, buurtnet.RoleViewer)
	a.mustDo(t, `{ me { name } }`, nil, nil)
	a.mustDo(t, `{ me { name } }`, nil, nil)
	assert.Contains(t, a.raw(t, `{ me { name } }`, nil), `"code":"RATE_LIMITED"`)
	b.mustDo(t, `{ me { name } }`, nil, nil) // another token has its own budget
}

// raw posts a request and returns the body as it came.
func (s *demoServer) raw(t *testing.T, query string, vars map[string]any) string {
	t.Helper()
	body := `{"query":` + jsonString(query) + `,"variables":` + jsonValue(vars) + `}`
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, s.URL+"/query", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	if s.token != "" {
		req.Header.Set("Authorization", "Bearer "+s.token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}
