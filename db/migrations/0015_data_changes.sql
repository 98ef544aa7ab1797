CREATE TABLE "data_changes" (
	"txid" bigint PRIMARY KEY NOT NULL
);
