create table c as select distinct try_cast(CustomerID as bigint) as cid from read_csv('/work/shared/datasets/online_retail_sample/online_retail_sample.csv') where CustomerID <> 'NA';
select case when u < 0.125 then 'ctl' when u < 0.5 then 'a' else 'b' end, count(*) from (select ('0x' || substr(md5('exp:' || cid::varchar), 1, 8))::bigint / 4294967296 u from c) group by 1 order by 1;
select case when u < 0.5 then 'ctl' else 't' end, count(*) from (select ('0x' || substr(md5('Q3:' || cid::varchar), 1, 8))::bigint / 4294967296 u from c) group by 1 order by 1;
