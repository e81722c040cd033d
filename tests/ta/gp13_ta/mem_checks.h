/* Heap checks run by GP13_CMD_HEAP. */
#ifndef GP13_MEM_CHECKS_H
#define GP13_MEM_CHECKS_H

#include <stddef.h>
#include <stdint.h>

/* Runs the checks with blocks of `size` bytes; counts into passed and run. */
void gp13_heap_checks(size_t size, uint32_t *passed, uint32_t *run);

#endif
