// Fixture: the drawing layer may use the HAL interfaces (allowed, through their own include
// root) but neither the kernels nor a heap-using system header.
#include <vector>

#include "kernels/core/status.h"
#include "tt/hal/surface.h"
