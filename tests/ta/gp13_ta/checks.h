/*
 * The check suites GP13_CMD_CHECKS runs (one file per area), counting
 * checks and keeping the first failure as text for the client.
 */
#ifndef GP13_CHECKS_H
#define GP13_CHECKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_internal_api.h>

struct checks {
	uint32_t run;
	uint32_t passed;
	char first[160]; /* the first failure: "line N: what" */
};

void check_one(struct checks *c, bool ok, int line, const char *what);
/* The same with the TEE_Result that came back instead of the wanted one. */
void check_res(struct checks *c, TEE_Result got, TEE_Result want, int line,
	       const char *what);

#define CHECK(c, cond) check_one((c), (cond), __LINE__, #cond)
#define CHECK_RES(c, call, want) check_res((c), (call), (want), __LINE__, #call)

/* prop_checks.c */
void gp13_props_ta_checks(struct checks *c);
void gp13_props_tee_checks(struct checks *c);
void gp13_props_client_checks(struct checks *c);
/* prop_enum_checks.c */
void gp13_prop_enum_checks(struct checks *c);
/* prop_convert_checks.c */
void gp13_prop_convert_checks(struct checks *c);
/* api_checks.c */
void gp13_mem_access_checks(struct checks *c);
void gp13_mem_api_checks(struct checks *c);
void gp13_cancel_mask_checks(struct checks *c);
void gp13_random_checks(struct checks *c);
void gp13_raw_syscall_checks(struct checks *c);
void gp13_time_checks(struct checks *c);
void gp13_memref_access_checks(struct checks *c, void *in, size_t in_size,
			       void *out, size_t out_size);

#endif
