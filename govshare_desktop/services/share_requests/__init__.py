"""Share requests (共享申请, Art. 13): both sides of the workflow, drafted and answered offline."""
