// kustomize-batch builds many kustomize roots in one process, each exactly as `kustomize build <root>` of
// kustomize v5.8.1 builds it (same krusty options as the CLI's defaults: load restrictor rootOnly, legacy
// output order, no plugins, no exec functions, no helm), so that a full render does not pay a process
// start (and a jail) per root. It runs inside the same bubblewrap jail as kustomize itself.
//
// Usage: kustomize-batch DIR...
//
// With KUSTOMIZE_BATCH_HELM_COMMAND set, roots that inflate helm charts (`helmCharts`) are built as
// `kustomize build --enable-helm --helm-command $KUSTOMIZE_BATCH_HELM_COMMAND` builds them, with
// `--helm-kube-version $KUSTOMIZE_BATCH_HELM_KUBE_VERSION` and one `--helm-api-versions` per line of
// KUSTOMIZE_BATCH_HELM_API_VERSIONS (the krusty options those flags set). Without it, helm stays disabled.
//
// For each DIR, in order, it writes one frame to stdout:
//
//	KB1 <index> <status> <stdout bytes> <stderr bytes>\n<stdout><stderr>
//
// status is "ok" (stdout holds the YAML `kustomize build` prints), "error" (stderr holds what
// `kustomize build` prints on stderr, ending in its "Error: ..." line), "cli" (the root inflates helm
// charts and helm was not enabled: the caller builds it with the kustomize CLI and the flags it
// chooses) or "panic" (the build crashed: the process stops after that frame, so no later root can see
// state a crash left behind; the caller builds that root alone with the kustomize CLI). What kustomize prints directly on the process's stdout or
// stderr during a build (deprecation warnings, log lines) is captured per root into its stderr.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"syscall"

	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/kustomize/kyaml/openapi"
)

// cliOptions are the krusty options `kustomize build DIR` uses when no flag is given but the --enable-helm
// ones the environment asks for (see the top of this file).
func cliOptions() *krusty.Options {
	o := krusty.MakeDefaultOptions()
	o.Reorder = krusty.ReorderOptionUnspecified // the CLI's --reorder unset: legacy order unless sortOptions says otherwise
	o.LoadRestrictions = types.LoadRestrictionsRootOnly
	o.PluginConfig = types.DisabledPluginConfig()
	o.PluginConfig.HelmConfig.Enabled = false
	o.PluginConfig.HelmConfig.Command = "helm" // the CLI flag's default; unused with helm disabled
	o.PluginConfig.HelmConfig.ApiVersions = []string{}
	if command := os.Getenv("KUSTOMIZE_BATCH_HELM_COMMAND"); command != "" {
		o.PluginConfig.HelmConfig.Enabled = true
		o.PluginConfig.HelmConfig.Command = command
		o.PluginConfig.HelmConfig.KubeVersion = os.Getenv("KUSTOMIZE_BATCH_HELM_KUBE_VERSION")
		for _, v := range strings.Split(os.Getenv("KUSTOMIZE_BATCH_HELM_API_VERSIONS"), "\n") {
			if v != "" {
				o.PluginConfig.HelmConfig.ApiVersions = append(o.PluginConfig.HelmConfig.ApiVersions, v)
			}
		}
	}
	o.AddManagedbyLabel = false
	return o
}

// What kustomize says when a kustomization inflates a helm chart and helm is not enabled.
const helmDisabled = "must specify --enable-helm"

type result struct {
	status string
	stdout []byte
	err    error
	panic  string
}

// build runs one root as the CLI would, turning a panic into a result.
func build(fSys filesys.FileSystem, dir string) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r = result{status: "panic", panic: fmt.Sprintf("panic: %v\n\n%s", p, debug.Stack())}
		}
	}()
	m, err := krusty.MakeKustomizer(cliOptions()).Run(fSys, dir)
	if err != nil {
		if strings.Contains(err.Error(), helmDisabled) {
			return result{status: "cli"}
		}
		return result{status: "error", err: err}
	}
	yml, err := m.AsYaml()
	if err != nil {
		return result{status: "error", err: err}
	}
	return result{status: "ok", stdout: yml}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "kustomize-batch: "+format+"\n", args...)
	os.Exit(2)
}

func main() {
	dirs := os.Args[1:]
	// Frames go to a private copy of stdout; fds 1 and 2 point at a capture file, so that whatever
	// kustomize prints itself during a build is that root's stderr and never breaks a frame.
	framesFd, err := syscall.Dup(1)
	if err != nil {
		fail("dup stdout: %v", err)
	}
	frames := os.NewFile(uintptr(framesFd), "frames")
	capture, err := os.CreateTemp("", "kustomize-batch-")
	if err != nil {
		fail("capture file: %v", err)
	}
	_ = os.Remove(capture.Name())
	for _, fd := range []int{1, 2} {
		if err := syscall.Dup3(int(capture.Fd()), fd, 0); err != nil {
			fail("redirect fd %d: %v", fd, err)
		}
	}

	fSys := filesys.MakeFsOnDisk()
	freshSchema := openapi.GetSchemaVersion()
	for i, dir := range dirs {
		r := build(fSys, dir)
		captured, err := takeCaptured(capture)
		if err != nil {
			fail("read capture: %v", err)
		}
		var stderr bytes.Buffer
		stderr.Write(captured)
		switch r.status {
		case "error":
			fmt.Fprintf(&stderr, "Error: %s\n", r.err.Error()) // as cobra prints a command's error
		case "panic":
			stderr.WriteString(r.panic)
		}
		if _, err := fmt.Fprintf(frames, "KB1 %d %s %d %d\n", i, r.status, len(r.stdout), stderr.Len()); err != nil {
			os.Exit(2)
		}
		if _, err := frames.Write(append(r.stdout, stderr.Bytes()...)); err != nil {
			os.Exit(2)
		}
		if r.status == "panic" {
			os.Exit(3)
		}
		// A root's `openapi:` field sets kyaml's process-wide schema; the next root starts from the
		// schema state a fresh process has.
		if openapi.GetSchemaVersion() != freshSchema {
			openapi.ResetOpenAPI()
		}
	}
}

// takeCaptured returns what was written to fds 1 and 2 since the last call, and empties the file.
func takeCaptured(f *os.File) ([]byte, error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	if err := f.Truncate(0); err != nil {
		return nil, err
	}
	_, err = f.Seek(0, io.SeekStart)
	return b, err
}
