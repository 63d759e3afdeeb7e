package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"math"
	"runtime"
	"sync"
)

// pdeflateBlock is how much uncompressed XML one job compresses: large
// enough that starting each block without the previous one's dictionary
// costs little, small enough to keep every core busy.
const pdeflateBlock = 1 << 20

// pdeflate compresses a zip entry on every core, as pigz does: the data is
// cut into blocks, each deflated on its own (ending in a sync flush, the last
// one in the final block), and the blocks' outputs are written in order,
// which together are one valid deflate stream. It counts and checksums the
// uncompressed data for the entry's header.
type pdeflate struct {
	out   io.Writer
	cur   []byte
	jobs  chan *pjob
	order chan *pjob
	done  chan error
	crc   uint32
	in    int64
	n     int64 // compressed bytes written
	wg    sync.WaitGroup
	free  chan []byte        // written blocks' buffers, for reuse
	outs  chan *bytes.Buffer // written blocks' deflated buffers, for reuse
}

// pjob is one block: its data and, once ready is closed, its deflated form.
type pjob struct {
	data  []byte
	last  bool
	res   *bytes.Buffer
	ready chan struct{}
}

// newPdeflate starts the workers and the ordered writer.
func newPdeflate(out io.Writer) *pdeflate {
	workers := max(runtime.GOMAXPROCS(0), 1)
	d := &pdeflate{out: out, jobs: make(chan *pjob, workers), order: make(chan *pjob, 2*workers), done: make(chan error, 1)}
	d.free = make(chan []byte, 3*workers+2)
	d.outs = make(chan *bytes.Buffer, 3*workers+2)
	d.cur = d.buffer()
	for range workers {
		d.wg.Add(1)
		go d.work()
	}
	go d.write()
	return d
}

func (d *pdeflate) work() {
	defer d.wg.Done()
	var fw *flate.Writer
	for j := range d.jobs {
		if fw == nil {
			fw, _ = flate.NewWriter(j.res, flate.BestSpeed) // BestSpeed is a valid level: no error
		} else {
			fw.Reset(j.res)
		}
		_, _ = fw.Write(j.data) // writes to a bytes.Buffer cannot fail
		if j.last {
			_ = fw.Close()
		} else {
			_ = fw.Flush()
		}
		close(j.ready)
	}
}

// write writes the blocks' outputs in order.
func (d *pdeflate) write() {
	var err error
	for j := range d.order {
		<-j.ready
		d.crc = crc32.Update(d.crc, crc32.IEEETable, j.data)
		d.in += int64(len(j.data))
		if err == nil {
			var n int64
			n, err = j.res.WriteTo(d.out)
			d.n += n
		}
		select {
		case d.free <- j.data[:0]:
		default:
		}
		j.res.Reset()
		select {
		case d.outs <- j.res:
		default:
		}
	}
	d.done <- err
}

// Write buffers p, handing over every full block.
func (d *pdeflate) Write(p []byte) (int, error) {
	d.cur = append(d.cur, p...)
	if len(d.cur) >= pdeflateBlock {
		d.submit(false)
	}
	return len(p), nil
}

func (d *pdeflate) submit(last bool) {
	j := &pjob{data: d.cur, last: last, ready: make(chan struct{})}
	select {
	case j.res = <-d.outs:
	default:
		j.res = bytes.NewBuffer(make([]byte, 0, pdeflateBlock/4))
	}
	d.order <- j
	d.jobs <- j
	if !last {
		d.cur = d.buffer()
	}
}

// buffer returns a written block's buffer, or a new one.
func (d *pdeflate) buffer() []byte {
	select {
	case b := <-d.free:
		return b
	default:
		return make([]byte, 0, pdeflateBlock+chunk+chunk/4)
	}
}

// Close compresses the rest, waits for every block to be written and
// returns the first write error.
func (d *pdeflate) Close() error {
	d.submit(true)
	close(d.jobs)
	close(d.order)
	d.wg.Wait()
	return <-d.done
}

// seal fills in the entry header fh from what d wrote: checksum and sizes.
func (d *pdeflate) seal(fh *zip.FileHeader) {
	fh.CRC32 = d.crc
	fh.CompressedSize64, fh.UncompressedSize64 = uint64(d.n), uint64(d.in)
	// zip.Writer's central directory reads the 32-bit sizes of a raw entry.
	//lint:ignore SA1019 zip.Writer.Close writes these fields for raw entries
	fh.CompressedSize = uint32(min(fh.CompressedSize64, math.MaxUint32))
	//lint:ignore SA1019 as above
	fh.UncompressedSize = uint32(min(fh.UncompressedSize64, math.MaxUint32))
	if fh.CompressedSize64 >= math.MaxUint32 || fh.UncompressedSize64 >= math.MaxUint32 {
		fh.ReaderVersion = 45 // zip64
	}
}
