// The `tinytwin` sub-commands. Each takes the arguments after its name and returns the
// process exit code: 0 success, 1 bad model or input, 2 bad usage.
#pragma once

namespace tt::tools {

int cmd_kernels(int argc, char** argv);
int cmd_demo(int argc, char** argv);
int cmd_selftest(int argc, char** argv);
int cmd_info(int argc, char** argv);
int cmd_compile(int argc, char** argv);
int cmd_run(int argc, char** argv);
int cmd_eval(int argc, char** argv);
int cmd_features(int argc, char** argv);
int cmd_bench(int argc, char** argv);

}  // namespace tt::tools
