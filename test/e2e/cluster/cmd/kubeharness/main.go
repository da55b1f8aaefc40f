// Command kubeharness holds the small helpers of the e2e control-plane harness (test/e2e/cluster/harness.ts):
//
//	kubeharness certs DIR                          writes a CA, serving and client certificates and a
//	                                               service-account key pair into DIR (see certs.go)
//	kubeharness supervise [--grace=D] -- CMD ARGS  runs CMD and makes sure it never outlives the harness
//	                                               (see supervise.go)
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "certs":
		err = runCerts(os.Args[2:])
	case "supervise":
		err = runSupervise(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "kubeharness %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: kubeharness certs DIR | kubeharness supervise [--grace=10s] -- CMD [ARGS...]")
	os.Exit(2)
}
