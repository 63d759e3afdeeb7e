//go:build !windows

package storage

// initialMmapSize reserves address space for a 256 MB file up front, so a
// large import does not remap (and copy every node it touched) each time the
// file doubles. Only address space is reserved: the file grows as needed.
const initialMmapSize = 256 << 20
