/*
 * Host stand-ins for the hardware-facing parts of the core, so the message
 * layer runs natively: a fake normal-world DRAM, one fake secure thread
 * whose RPCs are answered by a test-provided "normal world".
 */
#ifndef TESTS_FAKE_NW_H
#define TESTS_FAKE_NW_H

#include <kernel/thread.h>
#include <stdint.h>

#define FAKE_NS_BASE 0x40000000ull
#define FAKE_NS_SIZE (16ull * 1024 * 1024)

extern uint8_t *fake_ns_ram;
void fake_ns_reset(void);
static inline void *fake_ns_ptr(uint64_t pa)
{
	return fake_ns_ram + (pa - FAKE_NS_BASE);
}

/* The thread tee_entry_std() runs on; tests fill .args. */
extern struct thread fake_thread;

/* Called for every thread_rpc(); NULL answers nothing. */
extern void (*fake_nw_rpc)(uint32_t func);
extern unsigned int fake_rpc_count;

/* Runs one yielding call the way the thread pool would. */
void fake_run_std_call(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
		       uint64_t out[4]);

#endif
