package packet

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/plandoc"
	"kpiplanner/app/template"
)

// envelope is the outside of a packet file; see docs/packet-format.md.
// Format comes first, so that a reader can tell a packet, and its version,
// from the first bytes even of a truncated file.
type envelope struct {
	Format     string          `json:"format"`
	SHA256     string          `json:"sha256"`
	Encryption *encryption     `json:"encryption,omitempty"`
	Content    json.RawMessage `json:"content,omitempty"` // the content, when not encrypted
	Sealed     []byte          `json:"sealed,omitempty"`  // the content encrypted, when encrypted (base64)
}

// content is what the hash covers and the encryption seals.
type content struct {
	Kind   Kind         `json:"kind"`
	Maker  docMaker     `json:"maker"`
	MadeAt time.Time    `json:"made_at"`
	For    docRecipient `json:"for"`
	People []docPerson  `json:"people"`
	Units  []docUnit    `json:"units"`
	// Templates are the template versions the plans refer to (template
	// documents, app/template.MarshalList); absent when none (and in
	// packets written before templates travelled).
	Templates json.RawMessage `json:"templates,omitempty"`
	Plans     json.RawMessage `json:"plans"` // a plan document of the plans
	Bases     json.RawMessage `json:"bases"` // a plan document of the bases, matched to plans by uid
}

type docMaker struct {
	User      string  `json:"user"`
	Device    string  `json:"device"`
	Workspace app.UID `json:"workspace"`
}

type docRecipient struct {
	Unit   string   `json:"unit,omitempty"`
	People []string `json:"people,omitempty"`
	Name   string   `json:"name,omitempty"`
}

// Write writes p to w as a packet file, encrypted with password unless it
// is "" (AES-256-GCM, key from scrypt), and sets p.Hash to the SHA-256 of
// its content.
func Write(w io.Writer, p *Packet, password string) error {
	body, err := encodeContent(p)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(body)
	env := envelope{Format: Format, SHA256: hex.EncodeToString(sum[:])}
	var out []byte
	if password == "" {
		// The envelope of a plain packet is written by hand around the
		// content, which encoding/json would scan and copy once more.
		out = fmt.Appendf(make([]byte, 0, len(body)+160), `{"format":%q,"sha256":%q,"content":`, env.Format, env.SHA256)
		out = append(append(out, body...), "}\n"...)
	} else {
		enc, sealed, err := seal(body, password)
		if err != nil {
			return err
		}
		env.Encryption, env.Sealed = enc, sealed
		if out, err = json.Marshal(&env); err != nil {
			return fmt.Errorf("encode packet: %w", err)
		}
		out = append(out, '\n')
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("write packet: %w", err)
	}
	p.Hash = env.SHA256
	return nil
}

// encodeContent returns p's content as JSON bytes.
func encodeContent(p *Packet) ([]byte, error) {
	plans := make([]*app.Plan, len(p.Items))
	var bases []*app.Plan
	for i, it := range p.Items {
		if it.Plan == nil || it.Plan.UID == "" {
			return nil, fmt.Errorf("encode packet: plan %d has no uid", i+1)
		}
		plans[i] = it.Plan
		if it.Base != nil && p.Kind != ToManagers {
			b := it.Base.Clone()
			b.UID = it.Plan.UID // a base is the same plan: matched by uid
			bases = append(bases, b)
		}
	}
	pd, err := plandoc.MarshalCompact(plans)
	if err != nil {
		return nil, fmt.Errorf("encode packet plans: %w", err)
	}
	bd, err := plandoc.MarshalCompact(bases)
	if err != nil {
		return nil, fmt.Errorf("encode packet bases: %w", err)
	}
	c := content{Kind: p.Kind, Maker: docMaker(p.Maker), MadeAt: p.MadeAt.UTC().Truncate(time.Second),
		For: docRecipient(p.For), People: peopleDoc(p.People), Units: unitsDoc(p.Units), Plans: json.RawMessage("null"), Bases: json.RawMessage("null")}
	if len(p.Templates) > 0 {
		if c.Templates, err = template.MarshalList(p.Templates); err != nil {
			return nil, fmt.Errorf("encode packet: %w", err)
		}
	}
	var buf bytes.Buffer
	e := json.NewEncoder(&buf)
	e.SetEscapeHTML(false)
	if err := e.Encode(&c); err != nil {
		return nil, fmt.Errorf("encode packet: %w", err)
	}
	// The plan documents go in by hand, in place of the nulls at the end:
	// encoding/json would scan and copy them once more.
	head, ok := bytes.CutSuffix(bytes.TrimSuffix(buf.Bytes(), []byte("\n")), []byte(`"plans":null,"bases":null}`))
	if !ok {
		return nil, fmt.Errorf("encode packet: unexpected layout of the content")
	}
	out := make([]byte, 0, len(head)+len(pd)+len(bd)+32)
	out = append(append(append(out, head...), `"plans":`...), bytes.TrimSuffix(pd, []byte("\n"))...)
	out = append(append(out, `,"bases":`...), bytes.TrimSuffix(bd, []byte("\n"))...)
	return append(out, '}'), nil
}

// Read reads a packet file, decrypting it with password when it is
// encrypted, and checks its format, completeness and hash; a refused file
// gives an *Error wrapping ErrNotPacket, ErrPlanDocument, ErrNewerFormat,
// ErrTruncated, ErrTampered, ErrPasswordNeeded or ErrWrongPassword.
func Read(r io.Reader, password string) (*Packet, error) {
	return ReadWith(r, password, ReadOptions{})
}

// ReadWith is Read with options.
func ReadWith(r io.Reader, password string, o ReadOptions) (*Packet, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read packet: %w", err)
	}
	env := plainEnvelope(data)
	if env == nil {
		if env, err = readEnvelope(data); err != nil {
			return nil, err
		}
	}
	body := []byte(env.Content)
	if env.Encryption != nil {
		if body, err = open(env, password); err != nil {
			return nil, err
		}
	}
	sum := sha256.Sum256(body)
	if hex.EncodeToString(sum[:]) != env.SHA256 {
		return nil, refuse(ErrTampered, nil, app.M("the packet was changed after it was written (its SHA-256 does not match): ask its sender for it again"))
	}
	p, err := decodeContent(body, o)
	if err != nil {
		return nil, err
	}
	p.Hash = env.SHA256
	return p, nil
}

// plainHead is how Write starts a plain packet; its hash is 64 hex digits.
var plainHead = regexp.MustCompile(`^\{"format":"kpiplanner/packet@1","sha256":"([0-9a-f]{64})","content":\{`)

// plainEnvelope splits a plain packet laid out exactly as Write lays it out
// without parsing the JSON around its content (Read then checks the
// content's hash and decodes it); nil for any other file, which
// readEnvelope then parses in full.
func plainEnvelope(data []byte) *envelope {
	m := plainHead.FindSubmatchIndex(data)
	if m == nil || !bytes.HasSuffix(data, []byte("}}\n")) {
		return nil
	}
	body := data[m[1]-1 : len(data)-2]
	return &envelope{Format: Format, SHA256: string(data[m[2]:m[3]]), Content: body}
}

// formatAtStart finds the format a packet (or plan document) names first.
var formatAtStart = regexp.MustCompile(`^\s*\{\s*"format"\s*:\s*"([^"\\]{0,100})"`)

// readEnvelope parses data's envelope, telling a packet of another version,
// a plan document, a truncated packet and other files apart.
func readEnvelope(data []byte) (*envelope, error) {
	format := ""
	if m := formatAtStart.FindSubmatch(data); m != nil {
		format = string(m[1])
	}
	var env envelope
	jerr := json.Unmarshal(data, &env)
	if format == "" && jerr == nil {
		format = env.Format
	}
	if format == "" {
		var any struct {
			Format string `json:"format"`
		}
		_ = json.Unmarshal(data, &any)
		format = any.Format
	}
	if err := checkFormat(format); err != nil {
		return nil, err
	}
	if jerr != nil {
		var se *json.SyntaxError
		if errors.As(jerr, &se) && se.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))) {
			return nil, refuse(ErrTruncated, jerr, app.M("the packet is cut short (%d bytes): it was not copied whole; copy it again", len(data)))
		}
		return nil, refuse(ErrTampered, jerr, app.M("the packet is damaged (%v): ask its sender for it again", jerr))
	}
	if env.SHA256 == "" || env.Encryption == nil && len(env.Content) == 0 || env.Encryption != nil && len(env.Sealed) == 0 {
		return nil, refuse(ErrTruncated, nil, app.M("the packet lacks its hash or its content: it was not copied whole; copy it again"))
	}
	return &env, nil
}

// checkFormat refuses every format but Format, saying what the file is.
func checkFormat(f string) error {
	switch {
	case f == Format:
		return nil
	case strings.HasPrefix(f, "kpiplanner/plan@"):
		return refuse(ErrPlanDocument, nil, app.M("this is a plan document (%s), not a packet: import it with Import plans (kpi import) instead", f))
	case strings.HasPrefix(f, "kpiplanner/packet@"):
		if n, err := strconv.Atoi(strings.TrimPrefix(f, "kpiplanner/packet@")); err == nil && n > 1 {
			return refuse(ErrNewerFormat, nil, app.M("this packet was made by a newer KPI Planner (format %s; this version reads %s): update KPI Planner to open it", f, Format))
		}
	}
	return refuse(ErrNotPacket, nil, app.M("this file is not a KPI Planner packet (it does not start with the format %s)", Format))
}

// decodeContent reads the checked content bytes of a packet.
func decodeContent(body []byte, o ReadOptions) (*Packet, error) {
	var c content
	head, pd, bd := splitContent(body)
	d := json.NewDecoder(bytes.NewReader(head))
	d.DisallowUnknownFields()
	if err := d.Decode(&c); err != nil {
		return nil, refuse(ErrNotPacket, err, app.M("the packet's content cannot be read: %v", err))
	}
	if pd != nil {
		c.Plans, c.Bases = pd, bd
	}
	if c.Kind != ToManagers && c.Kind != Return {
		return nil, refuse(ErrNotPacket, nil, app.M("the packet's kind %q is not %q or %q", c.Kind, ToManagers, Return))
	}
	var same map[app.UID]bool
	skipped := 0
	if pd != nil && c.Kind == Return {
		// Plans their maker left as their bases need one decoding, or none.
		var skip func(app.UID) bool
		if o.Skip != nil {
			skip = func(uid app.UID) bool { return o.Skip(Maker(c.Maker), uid) }
		}
		c.Plans, c.Bases, same, skipped = trimUnchanged(pd, bd, skip)
	}
	plans, err := plandoc.Unmarshal(c.Plans)
	if err != nil {
		return nil, refuse(ErrNotPacket, err, app.M("the packet's plans cannot be read: %v", err))
	}
	bases, err := plandoc.Unmarshal(c.Bases)
	if err != nil {
		return nil, refuse(ErrNotPacket, err, app.M("the packet's bases cannot be read: %v", err))
	}
	p := &Packet{Kind: c.Kind, Maker: Maker(c.Maker), MadeAt: c.MadeAt, For: Recipient(c.For), Unchanged: skipped}
	if p.People, err = peopleOf(c.People); err != nil {
		return nil, refuse(ErrNotPacket, err, app.M("the packet's people cannot be read: %v", err))
	}
	if p.Units, err = unitsOf(c.Units); err != nil {
		return nil, refuse(ErrNotPacket, err, app.M("the packet's units cannot be read: %v", err))
	}
	if len(c.Templates) > 0 {
		if p.Templates, err = template.UnmarshalList(c.Templates); err != nil {
			return nil, refuse(ErrNotPacket, err, app.M("the packet's templates cannot be read: %v", err))
		}
	}
	return p, p.setItems(plans, bases, same)
}

// The keys of the plan documents as Write puts them, last in the content.
var (
	plansKey = []byte(`,"plans":{"format":"kpiplanner/plan@`)
	basesKey = []byte(`,"bases":{"format":"kpiplanner/plan@`)
)

// splitContent cuts the two plan documents out of content laid out as Write
// lays it out, so that encoding/json does not scan and copy them before the
// plan document decoder reads them: the rest (head, closed again) and the
// two documents. (Inside a JSON string the quotes of the keys would be
// escaped, so the keys cannot be mistaken.) Content laid out otherwise is
// returned whole, with nil documents.
func splitContent(body []byte) (head, plans, bases []byte) {
	i, j := bytes.Index(body, plansKey), bytes.LastIndex(body, basesKey)
	if i < 0 || j < i || !bytes.HasSuffix(body, []byte("}")) {
		return body, nil, nil
	}
	head = append(bytes.Clone(body[:i]), '}')
	return head, body[i+len(`,"plans":`) : j], body[j+len(`,"bases":`) : len(body)-1]
}

// setItems pairs plans with their bases by uid; a plan in same is its own
// base (the bytes were equal).
func (p *Packet) setItems(plans, bases []*app.Plan, same map[app.UID]bool) error {
	byUID := make(map[app.UID]*app.Plan, len(bases))
	for _, b := range bases {
		byUID[b.UID] = b
	}
	seen := make(map[app.UID]bool, len(plans))
	p.Items = make([]Item, len(plans))
	for i, pl := range plans {
		if pl.UID == "" || seen[pl.UID] {
			return refuse(ErrNotPacket, nil, app.M("the packet's plan %d (%s) has no uid, or the uid of another of its plans", i+1, pl.Name))
		}
		seen[pl.UID] = true
		pl.ID = 0 // ids belong to a workspace
		base := byUID[pl.UID]
		switch {
		case base != nil:
			base.ID = 0
		case same[pl.UID]:
			base = pl.Clone()
		case p.Kind == ToManagers:
			base = pl.Clone() // a packet to managers is written without bases: each plan is its own
		}
		p.Items[i] = Item{Plan: pl, Base: base}
	}
	return nil
}
