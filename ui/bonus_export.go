package ui

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
	"kpiplanner/app/files"
	"kpiplanner/app/i18n"
	"kpiplanner/app/sheet"
)

// extHTML is the extension of the printable regulation page.
const extHTML = ".html"

// onExport writes the solved pool workbook of the scope (every person's
// steps as formulas, the overrides with their reasons, the regulation).
func (t *bonusPoolTab) onExport() {
	c, unit, ok := t.s.scope()
	if !ok {
		return
	}
	u := t.s.u
	name := safeFileName(u.T("Bonus pool - %s", t.s.unitName(unit)+" "+c.Start.String()))
	xlsxOnly := func() string { return extXLSX }
	u.chooseSaveFile(name+extXLSX, xlsxOnly, func(target saveTarget) { t.exportTo(target, c, unit) })
}

// exportTo writes the pool workbook of (c, unit) to target behind a progress dialog.
func (t *bonusPoolTab) exportTo(target saveTarget, c app.Cycle, unit app.UID) {
	u := t.s.u
	task := u.newTask(u.T("Exporting"), u.T("Writing the bonus pool of %s…", t.s.unitName(unit)))
	u.runExport(task, target, "", func(ctx context.Context, path string, o files.Options) ([]string, error) {
		wb, err := bonusWorkbook(u, c, unit)
		if err != nil {
			return nil, err
		}
		return u.files.WriteWorkbook(ctx, path, wb, o)
	})
}

// bonusWorkbook solves the scope's stored policy and lays out its workbook
// (off the UI goroutine).
func bonusWorkbook(u *UI, c app.Cycle, unit app.UID) (*sheet.Workbook, error) {
	_, p, res, err := u.ws.Bonus(c, unit)
	if err != nil {
		return nil, err
	}
	cal, err := u.ws.Calibration(c, unit)
	if err != nil {
		return nil, err
	}
	wb, _ := sheet.BonusPool(res, p, []bonus.Calibration{cal}, bonus.Regulate(p, rulesOfRows(res.Rows)), u.tr.T)
	return wb, nil
}

// rulesOfRows returns the rules whose bands the regulation lists: the
// first person's plan's bands, or the defaults.
func rulesOfRows(rows []bonus.Row) app.Rules {
	r := app.DefaultRules()
	for _, row := range rows {
		if len(row.Bands) > 0 {
			r.Bands = row.Bands
			break
		}
	}
	return r
}

// onRegulation writes the bonus regulation (Quy chế thưởng) in Vietnamese
// and English: a printable page (.html) or a workbook (.xlsx).
func (t *bonusPoolTab) onRegulation() {
	c, unit, ok := t.s.scope()
	if !ok {
		return
	}
	u := t.s.u
	r := FileRequest{Title: u.T("Save as"), Dir: u.setting(settingExportDir), Name: safeFileName(u.T("Bonus regulation - %s", c.Start.String())) + extHTML,
		Exts: []string{extHTML, extXLSX}, Filter: u.T("Printable page or workbook")}
	u.dialogs.Save(u.win, r, func(fc FileChoice, err error) {
		if err != nil || fc.Path == "" {
			u.showError(err)
			return
		}
		u.rememberDir(fc.Path)
		target := saveTarget{path: fc.Path}
		if !strings.EqualFold(filepath.Ext(fc.Path), extXLSX) {
			target.path = withHTML(fc.Path)
		}
		t.writeRegulation(u.newTask(u.T("Exporting"), u.T("Writing the bonus regulation…")), target, c, unit)
	})
}

// withHTML returns path ending in .html.
func withHTML(path string) string {
	if strings.EqualFold(filepath.Ext(path), extHTML) {
		return path
	}
	return path + extHTML
}

// writeRegulation writes the regulation of the scope's stored policy to target as task tk.
func (t *bonusPoolTab) writeRegulation(tk *task, target saveTarget, c app.Cycle, unit app.UID) {
	u := t.s.u
	u.runExport(tk, target, "", func(ctx context.Context, path string, o files.Options) ([]string, error) {
		reg, vi, en, err := regulationOf(u, c, unit)
		if err != nil {
			return nil, err
		}
		if strings.EqualFold(filepath.Ext(path), extXLSX) {
			return u.files.WriteWorkbook(ctx, path, sheet.Regulation(reg, vi.T, en.T), files.Options{Progress: o.Progress})
		}
		page := sheet.RegulationHTML(reg, []string{"vi", "en"}, vi.T, en.T)
		err = u.files.WriteDocument(path, func(w io.Writer) error {
			_, err := w.Write(page)
			return err
		})
		if err != nil {
			return nil, err
		}
		return []string{path}, nil
	})
}

// regulationOf writes the scope's regulation in words, with the catalogs of both languages.
func regulationOf(u *UI, c app.Cycle, unit app.UID) (bonus.Regulation, *i18n.Translator, *i18n.Translator, error) {
	p, err := u.ws.BonusPolicy(c)
	if err != nil {
		return bonus.Regulation{}, nil, nil, err
	}
	in, err := u.ws.BonusInputs(c, p, unit)
	if err != nil {
		return bonus.Regulation{}, nil, nil, err
	}
	rows := make([]bonus.Row, 0, 1)
	if len(in) > 0 {
		rows = append(rows, bonus.Row{Input: in[0]})
	}
	vi, err1 := i18n.New("vi")
	en, err2 := i18n.New("en")
	if err := errors.Join(err1, err2); err != nil {
		return bonus.Regulation{}, nil, nil, err
	}
	return bonus.Regulate(p, rulesOfRows(rows)), vi, en, nil
}
