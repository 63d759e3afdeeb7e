package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"math/rand/v2"
	"testing"
)

// TestParallelDeflateRoundTrips: entries deflated block by block on every
// core read back byte for byte, with the right checksum and sizes, whatever
// the size (empty, one block exactly, many blocks and a tail).
func TestParallelDeflateRoundTrips(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for _, n := range []int{0, 1, pdeflateBlock - 1, pdeflateBlock, 3*pdeflateBlock + 12345} {
		data := make([]byte, n)
		for i := range data {
			data[i] = "<c><v>0123456789</v></c>"[r.IntN(24)] // compressible, not constant
		}
		var zbuf bytes.Buffer
		zw := zip.NewWriter(&zbuf)
		fh := &zip.FileHeader{Name: "x.xml", Method: zip.Deflate, Flags: 0x8}
		dst, err := zw.CreateRaw(fh)
		if err != nil {
			t.Fatal(err)
		}
		pd := newPdeflate(dst)
		for off := 0; off < n; off += 70_000 { // writes of another size than the block
			if _, err := pd.Write(data[off:min(off+70_000, n)]); err != nil {
				t.Fatal(err)
			}
		}
		if err := pd.Close(); err != nil {
			t.Fatal(err)
		}
		pd.seal(fh)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(zbuf.Bytes()), int64(zbuf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		rc, err := zr.File[0].Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // checks the CRC at the end
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("%d bytes: read %d back, equal %v, %v", n, len(got), bytes.Equal(got, data), err)
		}
		if zr.File[0].UncompressedSize64 != uint64(n) {
			t.Fatalf("%d bytes: header says %d", n, zr.File[0].UncompressedSize64)
		}
	}
}
