package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/i18n"
)

// fyneLastFolderKey is the preference Fyne's file dialog keeps the folder
// it shows in.
const fyneLastFolderKey = "fyne:fileDialogLastFolder"

// fynePlaces are the places Fyne's file dialog lists on its left, in
// English (it shows them so, not through lang.L), marked for translation.
var fynePlaces = map[string]string{
	"Home": i18n.N("Home"), "Computer": i18n.N("Computer"), "App Files": i18n.N("App Files"),
	"Desktop": i18n.N("Desktop"), "Documents": i18n.N("Documents"), "Downloads": i18n.N("Downloads"),
	"Music": i18n.N("Music"), "Pictures": i18n.N("Pictures"), "Videos": i18n.N("Videos"), "Movies": i18n.N("Movies"),
}

// placeName translates one of Fyne's places; other names come back unchanged.
func placeName(n string) string {
	if key, ok := fynePlaces[n]; ok {
		return lang.L(key)
	}
	return n
}

// fixFyneFileDialog mends the shown Fyne file dialog d on w: its places are
// translated, and a folder made with its New folder button is entered
// (Fyne stays in the parent folder).
func fixFyneFileDialog(d *dialog.FileDialog, w fyne.Window) {
	pop, ok := w.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		return
	}
	var places *widget.List
	var newFolder *widget.Button
	walkDialog(pop.Content, false, func(o fyne.CanvasObject, inPlaces bool) {
		switch x := o.(type) {
		case *widget.List:
			if inPlaces && places == nil {
				places = x
			}
		case *widget.Button:
			if x.Icon != nil && x.Icon.Name() == theme.FolderNewIcon().Name() {
				newFolder = x
			}
		}
	})
	if places != nil {
		update := places.UpdateItem
		places.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
			update(id, o)
			if row, ok := o.(*fyne.Container); ok && len(row.Objects) > 1 {
				if l, ok := row.Objects[1].(*widget.Label); ok {
					l.SetText(placeName(l.Text))
				}
			}
		}
		places.Refresh()
	}
	if newFolder != nil {
		newFolder.OnTapped = func() { askNewFolder(d, w) }
	}
}

// walkDialog calls visit for o and everything in it, telling whether it is
// in the places side (the leading side of the dialog's split).
func walkDialog(o fyne.CanvasObject, inPlaces bool, visit func(fyne.CanvasObject, bool)) {
	if o == nil {
		return
	}
	visit(o, inPlaces)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkDialog(c, inPlaces, visit)
		}
	case *container.Split:
		walkDialog(x.Leading, true, visit)
		walkDialog(x.Trailing, inPlaces, visit)
	case *container.Scroll:
		walkDialog(x.Content, inPlaces, visit)
	}
}

// askNewFolder asks a folder name as Fyne's dialog does, makes the folder in
// the one shown and enters it.
func askNewFolder(d *dialog.FileDialog, w fyne.Window) {
	name := widget.NewEntry()
	dialog.ShowForm(lang.L("New Folder"), lang.L("Create Folder"), lang.L("Cancel"), []*widget.FormItem{
		{Text: lang.X("file.name", "Name"), Widget: name},
	}, func(ok bool) {
		if !ok || name.Text == "" {
			return
		}
		u, err := storage.ParseURI(fyne.CurrentApp().Preferences().String(fyneLastFolderKey))
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		path := filepath.Join(u.Path(), name.Text)
		if err := os.MkdirAll(path, 0o750); err != nil {
			dialog.ShowError(err, w)
			return
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(path)); err == nil {
			d.SetLocation(l)
		}
	}, w)
}
