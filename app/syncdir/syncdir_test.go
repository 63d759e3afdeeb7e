package syncdir

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	winEnv := map[string]string{
		"OneDrive":           `C:\Users\lan\OneDrive`,
		"OneDriveCommercial": `D:\Work\Contoso Files`,
	}
	tests := []struct {
		name    string
		path    string
		env     map[string]string
		markers []string // paths that exist
		want    Provider
		ok      bool
	}{
		{name: "plain windows data folder", path: `C:\Users\lan\AppData\Roaming\kpiplanner\kpiplanner.db`, env: winEnv},
		{name: "plain unix data folder", path: "/home/lan/.config/kpiplanner/kpiplanner.db"},
		{name: "onedrive env", path: `C:\Users\lan\OneDrive\Documents\kpi.db`, env: winEnv, want: OneDrive, ok: true},
		{name: "onedrive env other case and slashes", path: `c:/users/LAN/onedrive/kpi.db`, env: winEnv, want: OneDrive, ok: true},
		{name: "onedrive commercial env without the name", path: `D:\Work\Contoso Files\HR\kpi.db`, env: winEnv, want: OneDrive, ok: true},
		{name: "env prefix is not a folder prefix", path: `D:\Work\Contoso Files Old\kpi.db`, env: winEnv},
		{name: "onedrive consumer env", path: `E:\OD\kpi.db`, env: map[string]string{"OneDriveConsumer": `E:\OD\`}, want: OneDrive, ok: true},
		{name: "onedrive company segment", path: `C:\Users\lan\OneDrive - Công ty ABC\KPI\kpi.db`, want: OneDrive, ok: true},
		{name: "onedrive segment unix", path: "/mnt/c/Users/lan/OneDrive/kpi.db", want: OneDrive, ok: true},
		{name: "onedrive macos cloudstorage", path: "/Users/lan/Library/CloudStorage/OneDrive-Personal/kpi.db", want: OneDrive, ok: true},
		{name: "onedrive- outside cloudstorage", path: "/home/lan/OneDrive-backup-notes/kpi.db"},
		{name: "file named like a service", path: "/home/lan/data/Dropbox"},
		{name: "onedriveish folder", path: `C:\OneDriveTools\kpi.db`},
		{name: "dropbox segment", path: `C:\Users\lan\Dropbox\kpi.db`, want: Dropbox, ok: true},
		{name: "dropbox business segment", path: "/Users/lan/Dropbox (Contoso)/kpi.db", want: Dropbox, ok: true},
		{name: "dropbox macos cloudstorage", path: "/Users/lan/Library/CloudStorage/Dropbox-Contoso/kpi.db", want: Dropbox, ok: true},
		{name: "dropbox marker in ancestor", path: "/srv/share/hr/2026/kpi.db", markers: []string{"/srv/share/.dropbox"}, want: Dropbox, ok: true},
		{name: "dropbox cache marker windows", path: `E:\Company\HR\kpi.db`, markers: []string{`E:\Company\.dropbox.cache`}, want: Dropbox, ok: true},
		{name: "google drive segment", path: `G:\My Drive\kpi.db`, want: GoogleDrive, ok: true},
		{name: "google drive old client", path: `C:\Users\lan\Google Drive\kpi.db`, want: GoogleDrive, ok: true},
		{name: "google drive macos", path: "/Users/lan/Library/CloudStorage/GoogleDrive-lan@example.com/My Drive/kpi.db", want: GoogleDrive, ok: true},
		{name: "googledrive segment", path: "/Volumes/GoogleDrive/kpi.db", want: GoogleDrive, ok: true},
		{name: "google drive download marker", path: `G:\Shared drives\HR\kpi.db`, markers: []string{`G:\.tmp.drivedownload`}, want: GoogleDrive, ok: true},
		{name: "icloud windows", path: `C:\Users\lan\iCloudDrive\kpi.db`, want: ICloud, ok: true},
		{name: "icloud drive segment", path: "/Users/lan/iCloud Drive/kpi.db", want: ICloud, ok: true},
		{name: "icloud mobile documents", path: "/Users/lan/Library/Mobile Documents/com~apple~CloudDocs/KPI/kpi.db", want: ICloud, ok: true},
		{name: "icloud app container", path: "/Users/lan/Library/Mobile Documents/iCloud~com~example/kpi.db", want: ICloud, ok: true},
		{name: "mobile documents elsewhere", path: "/home/lan/Mobile Documents/kpi.db"},
		{name: "syncthing marker in parent", path: "/home/lan/Sync/kpi.db", markers: []string{"/home/lan/Sync/.stfolder"}, want: Syncthing, ok: true},
		{name: "syncthing marker far up", path: `D:\Sync\a\b\c\kpi.db`, markers: []string{`D:\Sync\.stfolder`}, want: Syncthing, ok: true},
		{name: "syncthing marker at unix root", path: "/kpi/kpi.db", markers: []string{"/.stfolder"}, want: Syncthing, ok: true},
		{name: "syncthing marker at drive root", path: `D:\kpi.db`, markers: []string{`D:\.stfolder`}, want: Syncthing, ok: true},
		{name: "marker beside is not an ancestor", path: "/home/lan/work/kpi.db", markers: []string{"/home/lan/Sync/.stfolder"}},
		{name: "nearest marker wins", path: "/d/sync/box/kpi.db", markers: []string{"/d/.dropbox", "/d/sync/box/.stfolder"}, want: Syncthing, ok: true},
		{name: "unc path segment", path: `\\server\share\Dropbox\kpi.db`, want: Dropbox, ok: true},
		{name: "unc path plain", path: `\\server\share\hr\kpi.db`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var asked []string
			exists := func(p string) bool {
				asked = append(asked, p)
				for _, m := range tc.markers {
					if p == m {
						return true
					}
				}
				return false
			}
			env := func(k string) string { return tc.env[k] }
			got, ok := Detect(tc.path, env, exists)
			if got != tc.want || ok != tc.ok {
				t.Fatalf("Detect(%q) = %q, %v; want %q, %v (asked %q)", tc.path, got, ok, tc.want, tc.ok, asked)
			}
			sep := "/"
			if strings.Contains(tc.path, `\`) {
				sep = `\`
			}
			for _, a := range asked {
				if strings.Contains(a, map[string]string{"/": `\`, `\`: "/"}[sep]) {
					t.Errorf("asked for %q, not written with the path's separator %q", a, sep)
				}
			}
		})
	}
}

func TestDetectAsksForMarkersInEveryAncestorOnly(t *testing.T) {
	var asked []string
	Detect("/a/b/kpi.db", nil, func(p string) bool { asked = append(asked, p); return false })
	// 3 ancestors (/a/b, /a, the root) × 5 markers = 15 questions, nearest first.
	if len(asked) != 15 || asked[0] != "/a/b/.stfolder" || asked[14] != "/.tmp.driveupload" {
		t.Fatalf("asked %q", asked)
	}
	for _, a := range asked {
		if strings.HasPrefix(a, "/a/b/kpi.db") {
			t.Errorf("asked inside the file itself: %q", a)
		}
	}
}

func TestDetectWithoutEnvOrExists(t *testing.T) {
	if p, ok := Detect("/home/lan/Dropbox/kpi.db", nil, nil); !ok || p != Dropbox {
		t.Fatalf("got %q %v", p, ok)
	}
	if _, ok := Detect("/home/lan/kpi.db", nil, nil); ok {
		t.Fatal("a plain folder reported as synced")
	}
}
