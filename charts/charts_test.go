package charts

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/score"
	"kpiplanner/app/trend"

	"golang.org/x/text/unicode/norm"
)

// outDir is where rendered charts go: $CHARTS_OUT to look at them, else a temp dir.
func outDir(t *testing.T) string {
	if d := os.Getenv("CHARTS_OUT"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// checkPNG decodes b, checks its size and that it has more than a few colours.
func checkPNG(t *testing.T, b []byte, w, h int) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("decode png: %v", err)
	}
	if got := img.Bounds().Size(); got.X != w || got.Y != h {
		t.Fatalf("size %v, want %dx%d", got, w, h)
	}
	colours := map[[4]uint32]bool{}
	for y := 0; y < h; y += 3 {
		for x := 0; x < w; x += 3 {
			r, g, b, a := img.At(x, y).RGBA()
			colours[[4]uint32{r, g, b, a}] = true
		}
	}
	if len(colours) < 20 {
		t.Fatalf("image looks blank: %d colours", len(colours))
	}
	return img
}

// variants are the option sets every chart is drawn in.
var variants = []struct {
	name string
	o    Options
}{
	{"vi-light", Options{Lang: "vi", Theme: Light, Num: groupNum("vi")}},
	{"en-dark", Options{Lang: "en", Theme: Dark, Num: groupNum("en")}},
	{"en-light", Options{Lang: "en", Theme: Light}},
	{"vi-dark", Options{Lang: "vi", Theme: Dark, Num: groupNum("vi")}},
}

func TestRenderAll(t *testing.T) {
	dir := outDir(t)
	p := samplePlan()
	at := 8 // September
	r := score.Plan(p, at)
	trends := trend.Analyse(p, at)
	company := score.All(demo.Company(500, 1), at)
	charts := map[string]func(o Options) ([]byte, error){
		"target":       func(o Options) ([]byte, error) { return TargetVsActual(r, trends, o) },
		"trend-rev":    func(o Options) ([]byte, error) { return Trend(trends[0], o) },
		"trend-conv":   func(o Options) ([]byte, error) { return Trend(trends[1], o) },
		"trend-cac":    func(o Options) ([]byte, error) { return Trend(trends[2], o) },
		"trend-budget": func(o Options) ([]byte, error) { return Trend(trends[6], o) },
		"trend-site":   func(o Options) ([]byte, error) { return Trend(trends[5], o) },
		"groups":       func(o Options) ([]byte, error) { return GroupContribution(r, o) },
		"distribution": func(o Options) ([]byte, error) { return ScoreDistribution(company, app.DefaultRules().Bands, o) },
		"departments":  func(o Options) ([]byte, error) { return DepartmentComparison(company, o) },
	}
	for name, draw := range charts {
		for _, v := range variants {
			b, err := draw(v.o)
			if err != nil {
				t.Fatalf("%s %s: %v", name, v.name, err)
			}
			checkPNG(t, b, DefaultWidth, DefaultHeight)
			if err := os.WriteFile(filepath.Join(dir, name+"-"+v.name+".png"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// groupNum writes numbers the way i18n.Translator.FormatNumber does: vi
// 1.234.567,5 and en 1,234,567.5.
func groupNum(lang string) func(float64, int) string {
	group, dec := ",", "."
	if lang == "vi" {
		group, dec = ".", ","
	}
	return func(x float64, d int) string {
		s := strconv.FormatFloat(math.Abs(x), 'f', d, 64)
		ip, fp, _ := strings.Cut(s, ".")
		var b strings.Builder
		if x < 0 && strings.Trim(s, "0.") != "" {
			b.WriteByte('-')
		}
		for i, r := range ip {
			if i > 0 && (len(ip)-i)%3 == 0 {
				b.WriteString(group)
			}
			b.WriteRune(r)
		}
		if fp != "" {
			b.WriteString(dec + fp)
		}
		return b.String()
	}
}

func TestSVG(t *testing.T) {
	p := samplePlan()
	p.KPIs[0].Name = "R&D <spend> \"Tỷ lệ\""
	r := score.Plan(p, 8)
	trends := trend.Analyse(p, 8)
	o := Options{Format: SVG, Lang: "vi"}
	for name, draw := range map[string]func() ([]byte, error){
		"target": func() ([]byte, error) { return TargetVsActual(r, trends, o) },
		"trend":  func() ([]byte, error) { return Trend(trends[0], o) },
		"groups": func() ([]byte, error) { return GroupContribution(r, o) },
		"dist":   func() ([]byte, error) { return ScoreDistribution([]score.Result{r}, p.Rules.Bands, o) },
		"depts":  func() ([]byte, error) { return DepartmentComparison([]score.Result{r}, o) },
	} {
		b, err := draw()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: not valid XML: %v", name, err)
			}
		}
		if !bytes.HasPrefix(b, []byte("<svg")) {
			t.Errorf("%s: does not start with <svg", name)
		}
	}
	b, _ := TargetVsActual(r, trends, o)
	for _, want := range []string{"R&amp;D &lt;spend&gt;", "Tỷ lệ chuyển đổi — Đạt"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

// TestVietnameseGlyphs checks the font has every letter of Vietnamese and
// every character of the built-in labels, so no label renders as boxes.
func TestVietnameseGlyphs(t *testing.T) {
	f, err := loadFont()
	if err != nil {
		t.Fatal(err)
	}
	text := "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ—…·×–"
	text += strings.ToUpper(text)
	for _, v := range viLabels {
		text += v
	}
	for _, r := range norm.NFC.String(text) {
		if r != ' ' && r != '%' && f.Index(r) == 0 {
			t.Errorf("font has no glyph for %q (%U)", r, r)
		}
	}
}

// TestNFC checks decomposed text (as some keyboards and files produce it)
// draws exactly like its composed form.
func TestNFC(t *testing.T) {
	p := samplePlan()
	nfc := "Tỷ lệ chuyển đổi — Đạt"
	draw := func(name string) []byte {
		t.Helper()
		p.KPIs[0].Name = name
		b, err := Trend(trend.Of(p, &p.KPIs[0], 8), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	nfd := norm.NFD.String(nfc)
	if nfd == nfc {
		t.Fatal("test text has no decomposable letters")
	}
	if !bytes.Equal(draw(nfc), draw(nfd)) {
		t.Error("NFD text draws differently from NFC text")
	}
}

func TestBackground(t *testing.T) {
	r := score.Plan(samplePlan(), 8)
	tests := []struct {
		name string
		o    Options
		want color.NRGBA
	}{
		{"light", Options{}, color.NRGBA{255, 255, 255, 255}},
		{"dark", Options{Theme: Dark}, color.NRGBA{0x1e, 0x1f, 0x22, 255}},
		{"transparent", Options{Theme: Dark, Transparent: true}, color.NRGBA{}},
	}
	for _, tc := range tests {
		b, err := GroupContribution(r, tc.o)
		if err != nil {
			t.Fatal(err)
		}
		img := checkPNG(t, b, DefaultWidth, DefaultHeight)
		got := color.NRGBAModel.Convert(img.At(1, DefaultHeight-2)).(color.NRGBA)
		if got.A != tc.want.A || (tc.want.A != 0 && got != tc.want) {
			t.Errorf("%s: corner %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestOptionsRejected(t *testing.T) {
	r := score.Plan(samplePlan(), 8)
	for _, o := range []Options{
		{Format: "gif"}, {Theme: "blue"}, {Width: 100, Height: 100}, {Width: 10000, Height: 400},
	} {
		if _, err := GroupContribution(r, o); err == nil {
			t.Errorf("options %+v accepted", o)
		}
	}
}

func TestEmptyInputs(t *testing.T) {
	p := samplePlan()
	p.KPIs = nil
	r := score.Plan(p, 8)
	empty := app.KPI{ID: "x", Name: "Trống"}
	for name, draw := range map[string]func() ([]byte, error){
		"target": func() ([]byte, error) { return TargetVsActual(r, nil, Options{}) },
		"trend":  func() ([]byte, error) { return Trend(trend.Of(p, &empty, 8), Options{}) },
		"trend0": func() ([]byte, error) { return Trend(trend.KPITrend{Name: "x"}, Options{}) },
		"groups": func() ([]byte, error) { return GroupContribution(r, Options{}) },
		"dist":   func() ([]byte, error) { return ScoreDistribution(nil, p.Rules.Bands, Options{}) },
		"depts":  func() ([]byte, error) { return DepartmentComparison([]score.Result{r}, Options{}) },
	} {
		b, err := draw()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkPNG(t, b, DefaultWidth, DefaultHeight)
	}
}

func TestDeterministicAndConcurrent(t *testing.T) {
	p := samplePlan()
	r := score.Plan(p, 8)
	trends := trend.Analyse(p, 8)
	first, err := TargetVsActual(r, trends, Options{Lang: "vi"})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, err := TargetVsActual(r, trends, Options{Lang: "vi"})
			if err == nil && !bytes.Equal(b, first) {
				err = errors.New("different bytes for the same chart")
			}
			if err == nil {
				_, err = Trend(trends[1], Options{Theme: Dark, Format: SVG})
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// TestDocSamples writes the sample charts of docs/charts when
// CHARTS_DOCS names that directory: CHARTS_DOCS=$PWD/docs/charts go test -run DocSamples ./charts/
func TestDocSamples(t *testing.T) {
	dir := os.Getenv("CHARTS_DOCS")
	if dir == "" {
		t.Skip("CHARTS_DOCS not set")
	}
	p := samplePlan()
	r := score.Plan(p, 8)
	trends := trend.Analyse(p, 8)
	company := score.All(demo.Company(1000, 1), 8)
	size := Options{Width: 640, Height: 360}
	with := func(lang string, th Theme) Options {
		o := size
		o.Lang, o.Theme, o.Num = lang, th, groupNum(lang)
		return o
	}
	samples := []struct {
		name string
		draw func() ([]byte, error)
	}{
		{"target-vs-actual.png", func() ([]byte, error) { return TargetVsActual(r, trends, with("vi", Light)) }},
		{"trend.png", func() ([]byte, error) { return Trend(trends[2], with("en", Light)) }},
		{"group-contribution.png", func() ([]byte, error) { return GroupContribution(r, with("vi", Dark)) }},
		{"score-distribution.png", func() ([]byte, error) { return ScoreDistribution(company, p.Rules.Bands, with("en", Dark)) }},
		{"department-comparison.png", func() ([]byte, error) { return DepartmentComparison(company, with("vi", Light)) }},
	}
	for _, s := range samples {
		b, err := s.draw()
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		checkPNG(t, b, size.Width, size.Height)
		if err := os.WriteFile(filepath.Join(dir, s.name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTrendOddInputs(t *testing.T) {
	p := samplePlan()
	rs := app.KPI{ID: "rs", Name: "Chi phí (khoảng, cộng dồn)", Unit: app.Currency, Direction: app.Range, Aggregation: app.Sum,
		RangeLow: 1100, RangeHigh: 1300, Tolerance: 200, Weight: 1, Group: app.GroupB, Actuals: monthly(100, 110, 95, 105)}
	odd := trend.Of(p, &p.KPIs[1], 8)
	odd.Points = append(odd.Points, trend.Point{Period: 40, Value: 1})
	odd.Anomalies = append(odd.Anomalies, trend.Anomaly{Period: -3})
	one := samplePlan()
	one.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 1, 31), Frequency: app.Monthly}
	cases := map[string]trend.KPITrend{
		"range sum":        trend.Of(p, &rs, 3),
		"out of range":     odd,
		"one-period cycle": trend.Of(one, &one.KPIs[0], 0),
	}
	for name, tr := range cases {
		b, err := Trend(tr, Options{Width: 480, Height: 270})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkPNG(t, b, 480, 270)
	}
}
