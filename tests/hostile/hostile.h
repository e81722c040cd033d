/*
 * Rampart hostile normal-world payload: booted at NS-EL1 instead of Linux,
 * it sends the secure world malformed SMCs and messages and checks that
 * each one is answered with an error code and that the core stays alive.
 *
 * Runs with the MMU off (all accesses Device memory, aligned only). Each
 * attack ends with one "@@RESULT name pass|fail detail@@" line on UART0.
 *
 * This header is what the files share: the platform facts and memory map,
 * the console, SMCs and checks (common.c), message and shared-memory
 * helpers (msg.c), the RPC answers (supplicant.c) and the attacks.
 */
#ifndef HOSTILE_H
#define HOSTILE_H

#include <fmt.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include <rampart/abi/optee_msg.h>
#include <rampart/abi/optee_smc.h>
#include <rampart/abi/pta_test.h>
#include <rampart/types.h>

/* ------------------------------------------------------------------------ */
/* Platform facts (plat/qemu_virt) and the payload's memory map.             */

#define UART0_BASE 0x09000000ul
#define UART_DR 0x00
#define UART_FR 0x18
#define UART_FR_TXFF (1u << 5)

#define SECURE_RAM 0x0e000000ull
#define CORE_RAM 0x0e100000ull
#define DRAM_BASE 0x40000000ull
#define DRAM_END 0x80000000ull /* -m 1024 */

/* Message buffers and page lists: NS DRAM 0x44000000-0x46000000. */
#define ARG_MAIN 0x44000000ull
#define ARG_T(i) (0x44001000ull + (uint64_t)(i)*0x1000) /* i < 8 */
#define ARG_SMP 0x44010000ull
#define LIST(i) (0x44100000ull + (uint64_t)(i)*0x1000) /* i < 64 */
#define DATA(i) (0x44200000ull + (uint64_t)(i)*0x1000) /* i < 1024 */
#define ARG_SLOT 1024 /* bytes cleared per message buffer */

#define PSCI_CPU_SUSPEND 0x84000001u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON_64 0xc4000003u
#define PSCI_AFFINITY_INFO_64 0xc4000004u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_AFF_OFF 1

#define RESULT_SMCCC_NOT_SUPPORTED 0xffffffffffffffffull
#define RPC_TIME_A 12345u
#define RPC_TIME_B 678u
#define NUM_THREADS 4
#define RET_UNTOUCHED 0x12345678u /* arg.ret preset the core must replace */

#define ATTR_META_VALUE_IN                                                     \
	(OPTEE_MSG_ATTR_TYPE_VALUE_INPUT | OPTEE_MSG_ATTR_META)
#define ATTR_REG_SHM                                                           \
	(OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT | OPTEE_MSG_ATTR_NONCONTIG)

/* start.S */
void smc_call(const uint64_t in[8], uint64_t out[4]);
extern char secondary_entry[];
void hostile_main(uint64_t dtb);
void hostile_secondary(uint64_t ctx);
void hostile_exception(uint64_t vec, uint64_t esr, uint64_t elr, uint64_t far);

/* ------------------------------------------------------------------------ */
/* common.c: console, time, SMCs, checks and results                         */

struct res {
	uint64_t a0, a1, a2, a3;
};

void con_puts(const char *s);
void __attribute__((format(printf, 1, 2))) con_printf(const char *f, ...);

uint64_t deadline_ms(uint64_t ms);
bool expired(uint64_t deadline);

struct res smc(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3);
/* A yielding call @fid with the message at @pa (a1:a2), no RPC served. */
struct res smc_arg(uint32_t fid, uint64_t pa);
/* RETURN_FROM_RPC with the a1, a2 and token of the RPC exit @r. */
struct res resume_rpc(struct res r);
bool is_rpc(uint64_t a0);

void t_begin(const char *name);
void __attribute__((format(printf, 2, 3))) check(bool ok, const char *f, ...);
void check_eq(const char *what, uint64_t got, uint64_t exp);
void check_alive(void);
unsigned int t_fails(void);
void t_end(const char *extra);
void t_summary(void);

/* ------------------------------------------------------------------------ */
/* msg.c: messages, sessions and shared-memory registration                  */

struct optee_msg_arg *arg_at(uint64_t pa);
struct optee_msg_arg *arg_init(uint64_t pa, uint32_t cmd, uint32_t n);
uint64_t rpc_area(uint64_t arg_pa);
struct res call_pa(uint32_t fid, uint64_t pa);
uint32_t call_ret(uint32_t fid, uint64_t pa, uint64_t *a0);
struct res regd_call(uint64_t cookie, uint64_t offs);

void build_open(uint64_t pa);
uint32_t open_session(uint64_t pa);
uint32_t t_begin_session(const char *name);
void close_session(uint64_t pa, uint32_t session);
struct optee_msg_arg *build_invoke(uint64_t pa, uint32_t session, uint32_t func,
				   uint32_t n);
void build_add(uint64_t pa, uint32_t session, uint32_t x, uint32_t y);
bool invoke_add(uint64_t pa, uint32_t session, uint32_t x, uint32_t y);
void build_get_time(uint64_t pa, uint32_t session);
struct res start_get_time(uint64_t pa, uint32_t session);
struct optee_msg_arg *build_rpc_shm(uint64_t pa, uint32_t session,
				    uint32_t size);

void build_list(uint64_t list_pa, const uint64_t *pages, unsigned int n,
		uint64_t next);
uint32_t register_shm_attr(uint64_t arg_pa, uint64_t attr, uint64_t buf_ptr,
			   uint64_t size, uint64_t cookie, uint64_t *a0);
uint32_t register_shm(uint64_t buf_ptr, uint64_t size, uint64_t cookie,
		      uint64_t *a0);
uint32_t unregister_shm(uint64_t cookie, uint64_t *a0);
bool register_pages(unsigned int l, unsigned int first, unsigned int n,
		    uint64_t cookie);
void unregister_ok(uint64_t cookie);

/* ------------------------------------------------------------------------ */
/* supplicant.c: RPC answers, honest or lying on request                     */

enum rpc_lie {
	LIE_NONE,
	LIE_NUM_PARAMS_3,
	LIE_NUM_PARAMS_HUGE,
	LIE_ATTR,
	LIE_ATTR_TMEM,
};
extern enum rpc_lie rpc_lie;
extern unsigned int rpc_served;

/* How SHM_ALLOC requests are answered (rpc_alloc_lies). */
enum alloc_mode {
	ALLOC_OK_CONTIG,
	ALLOC_OK_LIST,
	ALLOC_SECURE_CONTIG,
	ALLOC_CROSS_END,
	ALLOC_LIST_SECURE_ENTRY,
	ALLOC_LIST_PAGE_SECURE,
	ALLOC_SHORT,
	ALLOC_ATTR_RMEM,
	ALLOC_ATTR_VALUE,
	ALLOC_FAIL,
};
#define ALLOC_CONTIG_BASE DATA(256)
#define ALLOC_LIST_PAGE LIST(40)
#define ALLOC_LIST_DATA(i) DATA(300 + (i))
extern enum alloc_mode alloc_mode;
extern unsigned int alloc_count, free_count;
extern uint64_t alloc_cookie, freed_cookie;

void serve_rpc_msg(uint64_t pa);
struct res finish_call(struct res r, uint64_t rpc_pa);
struct res serve_and_finish(struct res r, uint64_t arg_pa);

/* ------------------------------------------------------------------------ */
/* The attacks (main.c runs them in its own order)                          */

/* attack_fast.c */
void attack_fast_uid_revision(void);
void attack_unknown_functions(void);
void attack_psci_abuse(void);
/* attack_args.c */
void attack_arg_addresses(void);
void attack_bad_messages(void);
void attack_regd_arg(void);
/* attack_shm.c */
void attack_page_lists(void);
void attack_memref_ranges(void);
void attack_heap_exhaustion(void);
/* attack_rpc.c */
void attack_rpc_tokens(void);
void attack_rpc_lies(void);
void attack_thread_exhaustion(void);
void attack_rpc_alloc_lies(void);
/* attack_smp.c */
void attack_second_cpu_rewrites_arg(void);
void attack_second_cpu_races_resume(void);

#endif /* HOSTILE_H */
