// jail-probe: a static program the jail tests run inside the jail, doing what a hostile renderer input
// could make a tool do. Each command prints what it found; the tests decide what is allowed.
//
//	read PATH...    print each file's content (or the error)
//	list DIR        print the names in a directory
//	dial HOST:PORT  try a TCP connection; print "connected" or the error
//	env             print the environment
//	sleep SECONDS   sleep
//	spew            write to stdout without end
//	alloc MIB       allocate and touch MIB mebibytes
//	write PATH      create a file; print "written" or the error
package main

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"time"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: jail-probe read|list|dial|env|sleep|spew|alloc|write ...")
		os.Exit(2)
	}
	args := os.Args[2:]
	switch os.Args[1] {
	case "read":
		for _, p := range args {
			b, err := os.ReadFile(p)
			if err != nil {
				fmt.Printf("%s: %v\n", p, err)
			} else {
				fmt.Printf("%s: %s\n", p, b)
			}
		}
	case "list":
		entries, err := os.ReadDir(args[0])
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, e := range entries {
			fmt.Println(e.Name())
		}
	case "dial":
		c, err := net.DialTimeout("tcp", args[0], 3*time.Second)
		if err != nil {
			fmt.Println(err)
			return
		}
		c.Close()
		fmt.Println("connected")
	case "env":
		for _, e := range os.Environ() {
			fmt.Println(e)
		}
	case "sleep":
		s, _ := strconv.Atoi(args[0])
		time.Sleep(time.Duration(s) * time.Second)
	case "spew":
		line := []byte("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\n")
		for {
			if _, err := os.Stdout.Write(line); err != nil {
				return
			}
		}
	case "alloc":
		mib, _ := strconv.Atoi(args[0])
		blocks := make([][]byte, 0, mib)
		for i := 0; i < mib; i++ {
			b := make([]byte, 1<<20)
			for j := range b {
				b[j] = byte(j)
			}
			blocks = append(blocks, b)
		}
		fmt.Println("allocated", len(blocks))
	case "write":
		if err := os.WriteFile(args[0], []byte("x"), 0o644); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("written")
	default:
		fmt.Fprintln(os.Stderr, "unknown command")
		os.Exit(2)
	}
}
