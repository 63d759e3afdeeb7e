//go:build windows

package storage

// initialMmapSize is 0 on Windows, where bbolt would grow the file itself to
// the mapped size and every new workspace would start at that size.
const initialMmapSize = 0
