// Command xietong-ferretdb runs FerretDB (MongoDB wire protocol on SQLite) embedded,
// for the development default and the tests. It listens on a Unix domain socket (-unix)
// inside a directory only its owner may enter (0700), or on a TCP address (-listen, port 0
// picks a free one), prints the MongoDB URI on stdout as "MONGODB_URI=<uri>" once it
// accepts connections, and exits when its stdin reaches EOF, so it never outlives the
// Node process that started it (also after SIGKILL).
//
// Why a socket: FerretDB v1 on SQLite has no authentication, so a TCP port on 127.0.0.1
// lets any local user read and rewrite every department's data and audit trail. A socket
// in a 0700 directory is reachable by its owner only (and root).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "", "TCP address to listen on (no TCP listener when empty)")
	unixPath := flag.String("unix", "", "Unix domain socket to listen on; its directory is made 0700")
	dataDir := flag.String("data", ".data/ferretdb", "directory for the SQLite files")
	watchStdin := flag.Bool("exit-on-stdin-eof", true, "exit when stdin is closed (parent gone)")
	// WAL with synchronous=NORMAL: a commit is not fsynced (the WAL is, at checkpoints). A crash of
	// this process or of Node loses nothing; a power cut can lose the last commits, never corrupt the
	// file. "full" fsyncs every commit.
	sync := flag.String("sync", "normal", "SQLite synchronous setting: normal or full")
	flag.Parse()

	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		log.Fatalf("data dir: %v", err)
	}
	// The SQLite files hold every department's data: readable by their owner only.
	if err := os.MkdirAll(dir, 0o700); err != nil {
		log.Fatalf("create data dir %s: %v", dir, err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		log.Fatalf("chmod data dir %s: %v", dir, err)
	}
	if *listen == "" && *unixPath == "" {
		log.Fatalf("give -unix <socket path> or -listen <host:port>")
	}
	if *unixPath != "" {
		if err := prepareSocket(*unixPath); err != nil {
			log.Fatalf("socket %s: %v", *unixPath, err)
		}
	}

	if *sync != "normal" && *sync != "full" {
		log.Fatalf("-sync must be normal or full, got %q", *sync)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen, Unix: *unixPath},
		Logger:    slog.New(&lazyHandler{base: slog.Default().Handler()}),
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/?_pragma=synchronous(" + *sync + ")",
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer cancel()

	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			cancel()
		}()
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// MongoDBURI reports the bound address only once Run has started listening; a socket is
	// announced once a connection to it succeeds.
	deadline := time.Now().Add(30 * time.Second)
	for {
		uri := ""
		if *unixPath != "" {
			if c, err := net.Dial("unix", *unixPath); err == nil {
				_ = c.Close()
				uri = socketURI(*unixPath)
			}
		} else if u := f.MongoDBURI(); u != "" && !endsWithPortZero(u) {
			uri = u
		}
		if uri != "" {
			fmt.Printf("MONGODB_URI=%s\n", uri)
			break
		}
		if time.Now().After(deadline) {
			log.Fatalf("ferretdb did not start listening within 30s")
		}
		select {
		case err := <-done:
			log.Fatalf("ferretdb stopped before listening: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
	}

	if err := <-done; err != nil && ctx.Err() == nil {
		log.Fatalf("ferretdb: %v", err)
	}
}

// prepareSocket makes the socket's directory 0700 and removes a socket left behind by a
// store that was killed (a live store still answers on it: then this one must not start,
// since two stores on one SQLite directory would each believe they own it).
func prepareSocket(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil {
		if c, err := net.DialTimeout("unix", path, time.Second); err == nil {
			_ = c.Close()
			return fmt.Errorf("another store is listening on it")
		}
		if err := os.Remove(path); err != nil {
			return err
		}
	}
	return nil
}

// socketURI is the MongoDB URI of a socket: the path, percent-encoded, as the host.
func socketURI(path string) string {
	return "mongodb://" + strings.ReplaceAll(url.QueryEscape(path), "+", "%20") + "/"
}

func endsWithPortZero(uri string) bool {
	for i := 0; i+2 < len(uri); i++ {
		if uri[i] == ':' && uri[i+1] == '0' && (uri[i+2] == '/' || uri[i+2] == '?') {
			return true
		}
	}
	return false
}

// lazyHandler defers WithAttrs and WithGroup until a record is really written. FerretDB's SQL layer
// calls Logger.With(args...) around every statement before its Debug call; the standard handlers
// format those attributes at once (the whole stored document, quoted), which cost a quarter of the
// store's CPU on inserts although debug records are never written.
type lazyHandler struct {
	base slog.Handler
	ops  []func(slog.Handler) slog.Handler
}

func (h *lazyHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.base.Enabled(ctx, level)
}

func (h *lazyHandler) Handle(ctx context.Context, r slog.Record) error {
	real := h.base
	for _, op := range h.ops {
		real = op(real)
	}
	return real.Handle(ctx, r)
}

func (h *lazyHandler) with(op func(slog.Handler) slog.Handler) slog.Handler {
	ops := make([]func(slog.Handler) slog.Handler, len(h.ops), len(h.ops)+1)
	copy(ops, h.ops)
	return &lazyHandler{base: h.base, ops: append(ops, op)}
}

func (h *lazyHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return h.with(func(x slog.Handler) slog.Handler { return x.WithAttrs(attrs) })
}

func (h *lazyHandler) WithGroup(name string) slog.Handler {
	return h.with(func(x slog.Handler) slog.Handler { return x.WithGroup(name) })
}
