package workspace

import (
	"errors"

	"kpiplanner/app"
	"kpiplanner/app/template"
)

// TemplateOf returns the template version plan p holds and how p differs
// from it (template.Overrides), for the plan screen's template line and
// markers; nil and nil for a plan made by hand or whose version is gone
// (or never came: a plan from a packet written before templates travelled).
func (w *Workspace) TemplateOf(p *app.Plan) (*app.Template, []template.Override, error) {
	if p.TemplateUID == "" {
		return nil, nil, nil
	}
	vs, err := w.TemplateVersions(p.TemplateUID)
	if errors.Is(err, app.ErrNotFound) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	t := versionOf(vs, p.TemplateVersion)
	return t, template.Overrides(p, t), nil
}
