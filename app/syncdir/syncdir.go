// Package syncdir recognises folders kept in step by a file-syncing service
// (OneDrive, Dropbox, Google Drive, iCloud Drive, Syncthing): a live database
// in such a folder gets corrupted when the service copies it half-written or
// makes "conflicted copies" of it. Detect is pure: the caller passes how to
// read the environment and whether a file exists, so Windows and Unix paths
// are recognised (and tested) on any system.
package syncdir

import "strings"

// Provider is a file-syncing service, named as its maker writes it.
type Provider string

// The services Detect recognises.
const (
	OneDrive    Provider = "OneDrive"
	Dropbox     Provider = "Dropbox"
	GoogleDrive Provider = "Google Drive"
	ICloud      Provider = "iCloud Drive"
	Syncthing   Provider = "Syncthing"
)

// oneDriveEnv are the variables OneDrive sets to its folders on Windows.
var oneDriveEnv = []string{"OneDrive", "OneDriveCommercial", "OneDriveConsumer"}

// markers are files or folders a service keeps at the top of the folder it syncs.
var markers = []struct {
	name string
	p    Provider
}{
	{".stfolder", Syncthing},
	{".dropbox", Dropbox},
	{".dropbox.cache", Dropbox},
	{".tmp.drivedownload", GoogleDrive},
	{".tmp.driveupload", GoogleDrive},
}

// Detect reports which service syncs the folder holding the file at path
// (absolute; "\" or "/" separators, with or without a drive letter), if
// any. It looks at the OneDrive environment variables (through env), at the
// names of the folders on the way (through none of the file's own name), and
// for the markers the services leave in the folder they sync (through
// exists, given a path written with path's own separator).
func Detect(path string, env func(string) string, exists func(string) bool) (Provider, bool) {
	if p, ok := fromEnv(path, env); ok {
		return p, true
	}
	segs := segments(path)
	for i := len(segs) - 1; i >= 0; i-- {
		if p, ok := fromName(segs, i); ok {
			return p, true
		}
	}
	if exists == nil {
		return "", false
	}
	sep := separator(path)
	for _, dir := range ancestors(path) {
		for _, m := range markers {
			if exists(dir + sep + m.name) {
				return m.p, true
			}
		}
	}
	return "", false
}

// fromEnv reports OneDrive when path lies under a folder named by one of its variables.
func fromEnv(path string, env func(string) string) (Provider, bool) {
	if env == nil {
		return "", false
	}
	p := normal(path)
	for _, name := range oneDriveEnv {
		root := strings.TrimRight(normal(env(name)), "/")
		if root != "" && strings.HasPrefix(p, root+"/") {
			return OneDrive, true
		}
	}
	return "", false
}

// names are the usual names (lower case) of the folders the services sync.
var names = map[string]Provider{
	"onedrive":            OneDrive,
	"dropbox":             Dropbox,
	"google drive":        GoogleDrive,
	"my drive":            GoogleDrive,
	"googledrive":         GoogleDrive,
	"icloud drive":        ICloud,
	"iclouddrive":         ICloud,
	"com~apple~clouddocs": ICloud,
}

// prefixes start the names of the folders the services sync for a company
// or an account ("OneDrive - Contoso", "Dropbox (Personal)"); inCloud ones
// only directly in macOS's Library/CloudStorage ("OneDrive-Personal").
var prefixes = []struct {
	prefix  string
	p       Provider
	inCloud bool
}{
	{"onedrive - ", OneDrive, false},
	{"dropbox (", Dropbox, false},
	{"googledrive-", GoogleDrive, false},
	{"onedrive-", OneDrive, true},
	{"dropbox-", Dropbox, true},
}

// fromName reports the service whose usual folder name is segs[i] (the
// folders of the path, lower case), looking back at segs[:i] for names made
// of several folders (Library/Mobile Documents, Library/CloudStorage).
func fromName(segs []string, i int) (Provider, bool) {
	s := segs[i]
	if p, ok := names[s]; ok {
		return p, true
	}
	if s == "mobile documents" && i > 0 && segs[i-1] == "library" {
		return ICloud, true
	}
	for _, pre := range prefixes {
		if strings.HasPrefix(s, pre.prefix) && (!pre.inCloud || cloudStorage(segs, i)) {
			return pre.p, true
		}
	}
	return "", false
}

// cloudStorage reports whether segs[i] lies directly in macOS's Library/CloudStorage.
func cloudStorage(segs []string, i int) bool {
	return i >= 2 && segs[i-1] == "cloudstorage" && segs[i-2] == "library"
}

// normal writes path with "/" separators, in lower case (the file systems
// of Windows and macOS ignore case).
func normal(path string) string {
	return strings.ToLower(strings.ReplaceAll(path, `\`, "/"))
}

// segments returns the folder names of path in lower case: neither the
// file's own name, nor a drive letter, nor empty names.
func segments(path string) []string {
	parts := strings.Split(normal(path), "/")
	parts = parts[:len(parts)-1] // the file's own name
	out := make([]string, 0, len(parts))
	for i, s := range parts {
		if s == "" || i == 0 && len(s) == 2 && s[1] == ':' {
			continue
		}
		out = append(out, s)
	}
	return out
}

// separator is the separator path is written with: "\" for a Windows path
// that has no "/", else "/".
func separator(path string) string {
	if strings.Contains(path, `\`) && !strings.Contains(path, "/") {
		return `\`
	}
	return "/"
}

// ancestors returns the folders holding the file at path, nearest first,
// written as in path without a final separator ("" for the root of a Unix
// path, "C:" for a drive's root).
func ancestors(path string) []string {
	var out []string
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' || path[i] == '\\' {
			if i > 0 && (path[i-1] == '/' || path[i-1] == '\\') {
				continue // the second separator of "//" or "\\"
			}
			out = append(out, path[:i])
		}
	}
	return out
}
