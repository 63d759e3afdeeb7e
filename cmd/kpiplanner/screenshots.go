package main

import (
	"fmt"
	"image"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"kpiplanner/ui"
)

// screenshots runs the UI's tour, writing dir/NAME.png for each screen, and
// quits. The GL driver's canvas capture comes back blank under Xvfb, so the
// X screen is grabbed with ImageMagick's import and cropped to the window.
func screenshots(a fyne.App, u *ui.UI, dir string) {
	defer fyne.Do(a.Quit)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Print(err)
		return
	}
	time.Sleep(time.Second) // let the first frame draw
	err := u.RunTour(1500*time.Millisecond, func(name string, img image.Image) error {
		path := filepath.Join(dir, name+".png")
		b := img.Bounds()
		crop := fmt.Sprintf("%dx%d+0+0", b.Dx(), b.Dy())
		if out, err := exec.Command("import", "-window", "root", "-crop", crop, "+repage", path).CombinedOutput(); err != nil {
			return fmt.Errorf("import: %v: %s", err, out)
		}
		fmt.Println(path)
		return nil
	})
	if err != nil {
		log.Print(err)
	}
}
