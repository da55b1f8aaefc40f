// Command etcd is the etcd server, built from the same go.etcd.io/etcd/server/v3 version that the pinned
// k8s.io/kubernetes requires, so the test control plane never needs a separately downloaded etcd binary.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
