package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"
	"time"
)

// runSupervise runs one control-plane process so that it cannot outlive the test run that started it.
//
// The harness starts `kubeharness supervise -- CMD ...` with a pipe on stdin, in a process group of its own.
// The child is stopped (SIGTERM, then SIGKILL after --grace) as soon as any of these happens:
//   - stdin reaches EOF: the harness closed the pipe on teardown, or died (even by SIGKILL) and the kernel
//     closed it;
//   - the parent process goes away (re-parenting changes getppid), checked every 500ms as a second line;
//   - kubeharness itself receives SIGTERM, SIGINT or SIGHUP (e.g. the harness kills the process group).
//
// With --remove-on-exit=DIR, DIR is deleted once the child has been stopped for one of those reasons (the harness
// uses it for the cluster's temporary folder, so a killed test run leaves no files behind either); a child that
// exits by itself leaves DIR for diagnosis.
// If kubeharness is SIGKILLed itself, the child gets SIGKILL from the kernel (PR_SET_PDEATHSIG).
// The exit status of the child is passed through.
func runSupervise(args []string) error {
	fs := flag.NewFlagSet("supervise", flag.ContinueOnError)
	grace := fs.Duration("grace", 10*time.Second, "time between SIGTERM and SIGKILL when stopping the child")
	removeOnExit := fs.String("remove-on-exit", "", "a directory to delete after stopping the child (kept when the child exits by itself)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cmdArgs := fs.Args()
	if len(cmdArgs) == 0 {
		return errors.New("usage: kubeharness supervise [--grace=10s] -- CMD [ARGS...]")
	}
	parent := os.Getppid()
	if *removeOnExit != "" {
		defer func() { _ = os.RemoveAll(*removeOnExit) }()
	}

	signals := make(chan os.Signal, 4)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)

	// PR_SET_PDEATHSIG fires when the *thread* that forked the child exits: keep this goroutine on its
	// thread for the life of the process so the Go runtime never retires that thread early.
	started := make(chan error, 1)
	exited := make(chan error, 1)
	var cmd *exec.Cmd
	go func() {
		runtime.LockOSThread()
		cmd = exec.Command(cmdArgs[0], cmdArgs[1:]...)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		exited <- cmd.Wait()
		select {} // stay locked on this thread
	}()
	if err := <-started; err != nil {
		return err
	}

	stdinClosed := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		close(stdinClosed)
	}()
	parentGone := make(chan struct{})
	go func() {
		for os.Getppid() == parent {
			time.Sleep(500 * time.Millisecond)
		}
		close(parentGone)
	}()

	var reason string
	select {
	case err := <-exited:
		return exitLike(err) // exited by itself: keep the directory (and its logs) for diagnosis
	case s := <-signals:
		reason = "received " + s.String()
	case <-stdinClosed:
		reason = "stdin closed"
	case <-parentGone:
		reason = "parent process exited"
	}
	fmt.Fprintf(os.Stderr, "kubeharness supervise: %s, stopping %s (pid %d)\n", reason, cmdArgs[0], cmd.Process.Pid)
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(*grace):
		_ = cmd.Process.Kill()
		<-exited
	}
	return nil
}

func exitLike(err error) error {
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code := exitErr.ExitCode()
		if code < 0 {
			code = 1
		}
		fmt.Fprintf(os.Stderr, "kubeharness supervise: child exited: %v\n", err)
		os.Exit(code)
	}
	return err
}
